import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Builds an ``XMLRPCElement`` tree from libxml2's SAX events through Foundation's `XMLParser`,
/// refusing documents nested deeper than a limit so that a hostile body cannot exhaust the stack
/// of the decoder that walks the tree.
final class XMLRPCTreeBuilder: NSObject, XMLParserDelegate {
    private let maximumDepth: Int
    private var open: [XMLRPCElement] = []
    private(set) var root: XMLRPCElement?
    private(set) var failure: String?

    private init(maximumDepth: Int) {
        self.maximumDepth = maximumDepth
    }

    /// Parses `bytes` into a tree, or says why not.
    static func parse(_ bytes: [UInt8], maximumDepth: Int) -> Result<XMLRPCElement, XMLRPCFault> {
        // A DTD can declare entities that expand exponentially; XML-RPC documents never carry one.
        if containsDoctype(bytes) {
            return .failure(.malformedRequest("a document type declaration is not allowed"))
        }
        let builder = XMLRPCTreeBuilder(maximumDepth: maximumDepth)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        let finished = parser.parse()
        if let failure = builder.failure {
            return .failure(.malformedRequest(failure))
        }
        // swift-corelibs-foundation may report success and still set parserError (seen for
        // mismatched tags), so both are checked.
        guard finished, parser.parserError == nil, let root = builder.root else {
            let line = parser.lineNumber
            return .failure(.malformedRequest("not well-formed XML (line \(line))"))
        }
        return .success(root)
    }

    private static func containsDoctype(_ bytes: [UInt8]) -> Bool {
        let doctype = Array("<!DOCTYPE".utf8)
        guard bytes.count >= doctype.count else { return false }
        for start in 0...(bytes.count - doctype.count) where bytes[start] == doctype[0] && bytes[start + 1] == doctype[1] {
            if bytes[start..<(start + doctype.count)].elementsEqual(doctype) { return true }
        }
        return false
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        guard open.count < maximumDepth else {
            failure = "elements nested deeper than \(maximumDepth)"
            parser.abortParsing()
            return
        }
        guard root == nil else {
            failure = "content after the document element"
            parser.abortParsing()
            return
        }
        open.append(XMLRPCElement(name: elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !open.isEmpty else { return }
        open[open.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !open.isEmpty else { return }
        open[open.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let element = open.popLast() else { return }
        if open.isEmpty {
            root = element
        } else {
            open[open.count - 1].children.append(element)
        }
    }
}
