import Foundation

/// One element of a parsed XML-RPC document: its name, its own text and its child elements.
/// Comments, processing instructions and attributes play no part in XML-RPC and are dropped.
struct XMLRPCElement: Sendable {
    var name: String
    var text = ""
    var children: [XMLRPCElement] = []

    /// The only child element, or `nil` when there are none or several.
    var onlyChild: XMLRPCElement? {
        children.count == 1 ? children[0] : nil
    }

    /// The text without the surrounding whitespace an indenting client adds.
    var trimmedText: String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
