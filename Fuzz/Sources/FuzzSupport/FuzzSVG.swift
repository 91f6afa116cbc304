import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The SVG invariants: well-formed XML, no `script` element, no event-handler (`on...`) attribute.
public enum FuzzSVG {
    public static func check(_ svg: Data) {
        let parser = XMLParser(data: svg)
        let watcher = Watcher()
        parser.delegate = watcher
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            fatalError("SVG is not well-formed: \(String(describing: parser.parserError))\n\(String(decoding: svg, as: UTF8.self))")
        }
        if let problem = watcher.problem { fatalError("SVG \(problem)\n\(String(decoding: svg, as: UTF8.self))") }
    }

    private final class Watcher: NSObject, XMLParserDelegate {
        var problem: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if name.lowercased().hasSuffix("script") { problem = "holds a script element" }
            for key in attributes.keys where key.lowercased().hasPrefix("on") { problem = "holds an event-handler attribute \(key)" }
        }
    }
}
