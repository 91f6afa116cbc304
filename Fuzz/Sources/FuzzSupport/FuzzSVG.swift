import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The SVG invariants: well-formed XML, no `script` element, no event-handler (`on...`) attribute.
public enum FuzzSVG {
    public static func check(_ svg: Data) {
        _ = parse(svg)
    }

    /// The text of every `<text>` element whose `font-weight` is bold, as XML reads it
    /// (entities resolved), after the same checks as `check`.
    public static func boldTexts(_ svg: Data) -> [String] {
        parse(svg).boldTexts
    }

    /// Every tooltip (`xlink:title`) as XML reads it, after the same checks as `check`.
    public static func tooltips(_ svg: Data) -> [String] {
        parse(svg).tooltips
    }

    /// `text` with every run of white space (Graphviz writes the second of two spaces as a
    /// no-break space, and a label's tabs and line breaks become spaces) read as one space,
    /// and none at either end: what two renderings of one text are compared by.
    public static func collapsingSpaces(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\u{A0}" || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }

    private static func parse(_ svg: Data) -> Watcher {
        let parser = XMLParser(data: svg)
        let watcher = Watcher()
        parser.delegate = watcher
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            fatalError("SVG is not well-formed: \(String(describing: parser.parserError))\n\(String(decoding: svg, as: UTF8.self))")
        }
        if let problem = watcher.problem { fatalError("SVG \(problem)\n\(String(decoding: svg, as: UTF8.self))") }
        return watcher
    }

    private final class Watcher: NSObject, XMLParserDelegate {
        var problem: String?
        var boldTexts: [String] = []
        var tooltips: [String] = []
        private var bold: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if name.lowercased().hasSuffix("script") { problem = "holds a script element" }
            for key in attributes.keys where key.lowercased().hasPrefix("on") { problem = "holds an event-handler attribute \(key)" }
            if name == "text", attributes["font-weight"] == "bold" { bold = "" }
            if let title = attributes["xlink:title"] { tooltips.append(title) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            bold? += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text", let text = bold { boldTexts.append(text) }
            bold = nil
        }
    }
}
