import Foundation

/// Reads what a figure's DOT claims back out of its HTML-like labels: legend samples with
/// their drawn sizes and texts, a node's square, the cells of a heat table. Tests compare
/// these with the data, so a legend or a cell that says something the drawing does not do fails.
enum FigureClaims {
    struct Sample: Equatable {
        var width: Int
        var height: Int
        /// The drawing attributes of the sample's cell (BGCOLOR, BORDER, SIDES, STYLE).
        var attributes: String
        var text: String

        var border: Int? { FigureClaims.int("BORDER", in: attributes) }
        var fill: String? { FigureClaims.string("BGCOLOR", in: attributes) }
        var isDashed: Bool { attributes.contains("STYLE=\"dashed\"") }
    }

    /// Text of markup: tags removed, entities decoded, no-break spaces trimmed.
    static func text(of markup: String) -> String {
        var out = ""
        var inTag = false
        for character in markup {
            if character == "<" { inTag = true; continue }
            if character == ">" { inTag = false; continue }
            if !inTag { out.append(character) }
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            .trimmingCharacters(in: CharacterSet(charactersIn: "\u{00A0} "))
    }

    /// Every drawn legend sample (a fixed-size box) with the text of the cell after it.
    static func samples(in label: String) -> [Sample] {
        let pattern = #"<TABLE FIXEDSIZE="TRUE" WIDTH="(\d+)" HEIGHT="(\d+)"[^>]*><TR><TD FIXEDSIZE="TRUE" WIDTH="\d+" HEIGHT="\d+" ([^>]*)></TD></TR></TABLE></TD><TD ALIGN="LEFT"[^>]*>(.*?)</TD>"#
        let regex = try! NSRegularExpression(pattern: pattern)
        let ns = label as NSString
        return regex.matches(in: label, range: NSRange(location: 0, length: ns.length)).map { match in
            Sample(width: Int(ns.substring(with: match.range(at: 1)))!, height: Int(ns.substring(with: match.range(at: 2)))!,
                   attributes: ns.substring(with: match.range(at: 3)), text: text(of: ns.substring(with: match.range(at: 4))))
        }
    }

    /// Every glyph legend sample (a coloured symbol: ● ■ ▲ ...) with its colour and the text of
    /// the cell after it.
    static func glyphs(in label: String) -> [(glyph: String, color: String, text: String)] {
        let pattern = #"<TD ALIGN="RIGHT"><FONT [^>]*COLOR="(#[0-9a-f]{6})">([^<]+)</FONT></TD><TD ALIGN="LEFT"[^>]*>(.*?)</TD>"#
        let regex = try! NSRegularExpression(pattern: pattern)
        let ns = label as NSString
        return regex.matches(in: label, range: NSRange(location: 0, length: ns.length)).map { match in
            (ns.substring(with: match.range(at: 2)), ns.substring(with: match.range(at: 1)), text(of: ns.substring(with: match.range(at: 3))))
        }
    }

    /// The side of the first fixed-size square in a node's label.
    static func squareSide(_ label: String) -> Int? {
        guard let range = label.range(of: "<TABLE FIXEDSIZE=\"TRUE\" WIDTH=\"") else { return nil }
        return Int(label[range.upperBound...].prefix { $0.isNumber })
    }

    /// The rows of the first table of `label` whose cells hold text, each as its cells' texts
    /// (nested tables are not expected in a heat table).
    static func tableRows(_ label: String) -> [[String]] {
        label.components(separatedBy: "<TR>").dropFirst().map { row in
            row.components(separatedBy: "<TD").dropFirst().map { cell in
                let body = cell.drop { $0 != ">" }.dropFirst()
                let end = body.range(of: "</TD>").map { body[..<$0.lowerBound] } ?? body[...]
                return text(of: String(end)).replacingOccurrences(of: "\n", with: " ")
            }
        }
    }

    static func int(_ name: String, in attributes: String) -> Int? {
        string(name, in: attributes).flatMap { Int($0) }
    }

    static func string(_ name: String, in attributes: String) -> String? {
        guard let range = attributes.range(of: "\(name)=\"") else { return nil }
        return String(attributes[range.upperBound...].prefix { $0 != "\"" })
    }
}
