/// Finds the modules a Swift source file imports, as the compiler would see its `import`
/// declarations: `import X`, `@testable import X`, `public import X`, `import struct X.Y`, …
///
/// Comments and string literals are skipped first, so a Python script held in a multi-line
/// string (`import sys, xmlrpc.client`) or a commented-out import is not taken for one. Imports
/// inside `#if` blocks count whichever branch they sit in: a conditional import is still a
/// module the target must be able to see on the platform that takes the branch.
enum SwiftImportScanner {
    /// One `import` declaration.
    struct Import: Equatable, Sendable {
        /// The top-level module: `NIOCore` for `import NIOCore` and `import struct NIOCore.ByteBuffer`.
        let module: String
        /// The 1-based line of the declaration.
        let line: Int
    }

    /// The `import` declarations of `source`, in order.
    static func imports(in source: String) -> [Import] {
        var imports: [Import] = []
        for (index, line) in codeOnly(source).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for statement in line.split(separator: ";") {
                if let module = importedModule(statement) {
                    imports.append(Import(module: module, line: index + 1))
                }
            }
        }
        return imports
    }

    private static let accessModifiers: Set<Substring> = ["public", "package", "internal", "fileprivate", "private"]
    private static let importKinds: Set<Substring> = ["typealias", "struct", "class", "enum", "protocol", "let", "var", "func"]

    /// The module `statement` imports, if it is an `import` declaration: attributes (`@testable`,
    /// `@_spi(Name)`, `@preconcurrency`) and an access modifier may come first, a kind may follow.
    private static func importedModule(_ statement: Substring) -> String? {
        var words = statement.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })[...]
        while let word = words.first, word.hasPrefix("@") { words.removeFirst() }
        if let word = words.first, accessModifiers.contains(word) { words.removeFirst() }
        guard words.popFirst() == "import", var path = words.popFirst() else { return nil }
        if importKinds.contains(path), let next = words.popFirst() { path = next }
        let module = path.prefix { $0 != "." }
        guard let first = module.first, first == "_" || first.isLetter,
              module.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber })
        else { return nil }
        return String(module)
    }

    /// `source` with every comment and string literal replaced by spaces, line breaks kept, so
    /// that line numbers still match and nothing inside them reads as a declaration.
    ///
    /// Handles nested block comments, raw strings (`#"…"#`), multi-line strings and
    /// interpolations, whose code may itself hold strings (`"\(f("x"))"`).
    static func codeOnly(_ source: String) -> String {
        enum Context {
            case code(openParentheses: Int)
            case string(hashes: Int, multiline: Bool)
        }
        let bytes = Array(source.utf8)
        var output = bytes
        var stack: [Context] = [.code(openParentheses: 0)]
        var index = 0

        func byte(at offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }
        func hashes(from offset: Int) -> Int {
            var count = 0
            while byte(at: offset + count) == UInt8(ascii: "#") { count += 1 }
            return count
        }
        func blank(_ range: Range<Int>) {
            for offset in range where bytes[offset] != UInt8(ascii: "\n") { output[offset] = UInt8(ascii: " ") }
        }

        while index < bytes.count {
            let current = bytes[index]
            switch stack[stack.count - 1] {
            case .code(let open):
                if current == UInt8(ascii: "/"), byte(at: index + 1) == UInt8(ascii: "/") {
                    var end = index
                    while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                    blank(index..<end)
                    index = end
                } else if current == UInt8(ascii: "/"), byte(at: index + 1) == UInt8(ascii: "*") {
                    var depth = 0
                    var end = index
                    repeat {
                        if byte(at: end) == UInt8(ascii: "/"), byte(at: end + 1) == UInt8(ascii: "*") {
                            depth += 1
                            end += 2
                        } else if byte(at: end) == UInt8(ascii: "*"), byte(at: end + 1) == UInt8(ascii: "/") {
                            depth -= 1
                            end += 2
                        } else {
                            end += 1
                        }
                    } while depth > 0 && end < bytes.count
                    end = min(end, bytes.count)
                    blank(index..<end)
                    index = end
                } else if current == UInt8(ascii: "\"") || current == UInt8(ascii: "#") {
                    let count = hashes(from: index)
                    let quote = index + count
                    guard byte(at: quote) == UInt8(ascii: "\"") else {
                        index = quote  // `#if`, `#available`, …: code
                        continue
                    }
                    let multiline = byte(at: quote + 1) == UInt8(ascii: "\"") && byte(at: quote + 2) == UInt8(ascii: "\"")
                    let end = quote + (multiline ? 3 : 1)
                    blank(index..<end)
                    stack.append(.string(hashes: count, multiline: multiline))
                    index = end
                } else if current == UInt8(ascii: "(") {
                    stack[stack.count - 1] = .code(openParentheses: open + 1)
                    index += 1
                } else if current == UInt8(ascii: ")"), open == 0, stack.count > 1 {
                    // The parenthesis that closes an interpolation: back into its string.
                    stack.removeLast()
                    blank(index..<index + 1)
                    index += 1
                } else {
                    if current == UInt8(ascii: ")") { stack[stack.count - 1] = .code(openParentheses: max(0, open - 1)) }
                    index += 1
                }
            case .string(let count, let multiline):
                if current == UInt8(ascii: "\\"), hashes(from: index + 1) == count {
                    let escaped = index + 1 + count
                    if byte(at: escaped) == UInt8(ascii: "(") {
                        blank(index..<escaped + 1)
                        stack.append(.code(openParentheses: 0))
                        index = escaped + 1
                    } else {
                        let end = min(escaped + 1, bytes.count)
                        blank(index..<end)
                        index = end
                    }
                } else if current == UInt8(ascii: "\""),
                          !multiline || (byte(at: index + 1) == UInt8(ascii: "\"") && byte(at: index + 2) == UInt8(ascii: "\"")),
                          hashes(from: index + (multiline ? 3 : 1)) >= count
                {
                    let end = index + (multiline ? 3 : 1) + count
                    blank(index..<end)
                    stack.removeLast()
                    index = end
                } else if current == UInt8(ascii: "\n"), !multiline {
                    // A single-line string cannot span lines: whatever went wrong stays on this one.
                    stack.removeLast()
                    index += 1
                } else {
                    blank(index..<index + 1)
                    index += 1
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
