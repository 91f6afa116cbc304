import Correspondence
import Foundation

/// Writes indented XML, escaping every attribute value and every piece of text the same way
/// (`XMLText`). All XML exports (GraphML, GEXF, CMIF) write through this one helper, so a name
/// with `<`, `&` or quotes is escaped once, correctly, everywhere. It writes into a `ByteSink`
/// as it goes (an export streamed to its file); `init(indent:)` collects into memory and
/// `finish()` returns the text.
public struct XMLMarkup {
    /// An attribute as name and value, in the order given (attribute order is part of the
    /// output's bytes, so it is never left to a dictionary).
    public typealias Attribute = (name: String, value: String)

    private let sink: ByteSink
    private var open: [String] = []
    private let indentUnit: String
    /// `indentUnit` repeated for the deepest level so far, written as one piece (`indent()`).
    private var indentation: [UInt8] = []

    /// Writes into `sink`, starting with the XML declaration.
    public init(into sink: ByteSink, indent: String = "  ") {
        self.sink = sink
        indentUnit = indent
        sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" as StaticString)
    }

    /// Collects the document in memory (`finish()` returns it).
    public init(indent: String = "  ") {
        self.init(into: ByteSink(), indent: indent)
    }

    /// Opens an element; close it with `close()`.
    public mutating func open(_ name: String, _ attributes: [Attribute] = []) {
        startTag(name, attributes)
        sink.write(">\n" as StaticString)
        open.append(name)
    }

    /// Closes the innermost open element.
    public mutating func close() {
        guard let name = open.popLast() else { return }
        indent()
        sink.write("</" as StaticString)
        sink.write(name)
        sink.write(">\n" as StaticString)
    }

    /// An element with no content: `<name a="v"/>`.
    public mutating func empty(_ name: String, _ attributes: [Attribute] = []) {
        startTag(name, attributes)
        sink.write("/>\n" as StaticString)
    }

    /// An element holding only text: `<name a="v">text</name>`.
    public mutating func element(_ name: String, _ attributes: [Attribute] = [], text content: String) {
        startTag(name, attributes)
        sink.write(byte: 0x3E)
        XMLText.writeContent(content, to: sink)
        endTag(name)
        sink.write(byte: 0x0A)
    }

    /// One piece of mixed content: text, or an element holding only text.
    public enum Inline: Sendable {
        case text(String)
        case element(String, [Attribute], String)
    }

    /// An element of mixed content on one line (where indentation would add spaces):
    /// `<editor>Name <email>a@b</email></editor>`.
    public mutating func inline(_ name: String, _ attributes: [Attribute] = [], _ content: [Inline]) {
        startTag(name, attributes)
        sink.write(byte: 0x3E)
        for piece in content { write(piece) }
        endTag(name)
        sink.write(byte: 0x0A)
    }

    /// One element holding only text (or bare text) on a line of its own.
    public mutating func inline(_ piece: Inline) {
        indent()
        write(piece)
        sink.write(byte: 0x0A)
    }

    private func write(_ piece: Inline) {
        switch piece {
        case .text(let text): XMLText.writeContent(text, to: sink)
        case let .element(name, attributes, text):
            tag(name, attributes)
            sink.write(byte: 0x3E)
            XMLText.writeContent(text, to: sink)
            endTag(name)
        }
    }

    /// A comment; `--` is broken up because XML forbids it inside comments (scalar by scalar:
    /// `-` followed by a combining mark is one grapheme with it, see `ScalarText`).
    public mutating func comment(_ content: String) {
        var previous: Unicode.Scalar = " "
        let safe = ScalarText.replacing(in: Self.removingInvalidCharacters(content)) { scalar in
            defer { previous = scalar }
            return scalar == "-" && previous == "-" ? " -" : nil
        }
        indent()
        sink.write("<!-- " as StaticString)
        sink.write(safe)
        sink.write(" -->\n" as StaticString)
    }

    /// Closes whatever is still open (the end of a streamed document).
    public mutating func end() {
        while !open.isEmpty { close() }
    }

    /// The finished document of a collecting writer; closes whatever is still open.
    public mutating func finish() -> String {
        end()
        return sink.collected
    }

    private mutating func indent() {
        let unit = indentUnit.utf8.count, needed = open.count * unit
        guard needed > 0 else { return }
        while indentation.count < needed { indentation += indentUnit.utf8 }
        indentation.withUnsafeBytes { sink.write(bytes: UnsafeRawBufferPointer(rebasing: $0[0..<needed])) }
    }

    /// `<name attribute="value">content</name>` on a line of its own, the content a typed value
    /// (`ExportValue.text`, escaped as text) written without making its text or an attribute
    /// list: the data elements of the graph exports.
    public mutating func element(_ name: String, _ attribute: String, _ value: String, content: ExportValue) {
        indent()
        sink.write(byte: 0x3C)
        sink.write(name)
        writeAttribute(attribute, value)
        sink.write(byte: 0x3E)
        ExportText.writeXML(content, attribute: false, to: sink)
        endTag(name)
        sink.write(byte: 0x0A)
    }

    /// `<name attribute="value">#rrggbb</name>` on a line of its own (`ExportLayout.Color.hex`).
    public mutating func element(_ name: String, _ attribute: String, _ value: String, hex color: ExportLayout.Color) {
        indent()
        sink.write(byte: 0x3C)
        sink.write(name)
        writeAttribute(attribute, value)
        sink.write(byte: 0x3E)
        ExportText.write(hex: color, to: sink)
        endTag(name)
        sink.write(byte: 0x0A)
    }

    /// `<name attribute="value">text</name>` on a line of its own, without an attribute list.
    public mutating func element(_ name: String, _ attribute: String, _ value: String, text content: String) {
        indent()
        sink.write(byte: 0x3C)
        sink.write(name)
        writeAttribute(attribute, value)
        sink.write(byte: 0x3E)
        XMLText.writeContent(content, to: sink)
        endTag(name)
        sink.write(byte: 0x0A)
    }

    /// An empty element whose attributes are written by `attributes` (`attribute(_:_:)` and its
    /// typed forms), without an attribute list: `<name a="v" b="w"/>`.
    public mutating func empty(_ name: String, attributes: (inout XMLMarkup) -> Void) {
        startTag(name, attributes: attributes)
        sink.write("/>\n" as StaticString)
    }

    /// An element opened with attributes written by `attributes`; close it with `close()`.
    public mutating func open(_ name: String, attributes: (inout XMLMarkup) -> Void) {
        startTag(name, attributes: attributes)
        sink.write(">\n" as StaticString)
        open.append(name)
    }

    /// The indented `<name` and its attributes, up to the tag's end.
    private mutating func startTag(_ name: String, attributes: (inout XMLMarkup) -> Void) {
        indent()
        sink.write(byte: 0x3C)
        sink.write(name)
        attributes(&self)
    }

    /// One attribute inside `empty(_:attributes:)` or `open(_:attributes:)`, its value escaped.
    public func attribute(_ name: String, _ value: String) {
        writeAttribute(name, value)
    }

    /// One attribute with a typed value (`ExportValue.text`, escaped as an attribute value).
    public func attribute(_ name: String, _ value: ExportValue) {
        sink.write(byte: 0x20)
        sink.write(name)
        sink.write("=\"" as StaticString)
        ExportText.writeXML(value, attribute: true, to: sink)
        sink.write(byte: 0x22)
    }

    /// One attribute holding a day as `Day.iso` writes it.
    public func attribute(_ name: String, iso day: Day) {
        sink.write(byte: 0x20)
        sink.write(name)
        sink.write("=\"" as StaticString)
        ExportText.write(iso: day, to: sink)
        sink.write(byte: 0x22)
    }

    private func writeAttribute(_ name: String, _ value: String) {
        sink.write(byte: 0x20)
        sink.write(name)
        sink.write("=\"" as StaticString)
        XMLText.writeAttribute(value, to: sink)
        sink.write(byte: 0x22)
    }

    /// `<name a="v"` on a new, indented line.
    private mutating func startTag(_ name: String, _ attributes: [Attribute]) {
        indent()
        tag(name, attributes)
    }

    private func tag(_ name: String, _ attributes: [Attribute]) {
        sink.write(byte: 0x3C)
        sink.write(name)
        for attribute in attributes { writeAttribute(attribute.name, attribute.value) }
    }

    private func endTag(_ name: String) {
        sink.write("</" as StaticString)
        sink.write(name)
        sink.write(byte: 0x3E)
    }

    /// Escapes text content: `&`, `<`, `>`; replaces characters XML 1.0 cannot carry.
    public static func escapeText(_ value: String) -> String { XMLText.content(value) }

    /// Escapes an attribute value: as text, plus both quotes and the whitespace characters
    /// that attribute normalisation would otherwise turn into spaces.
    public static func escapeAttribute(_ value: String) -> String { XMLText.attribute(value) }

    /// Replaces what XML 1.0 forbids or discourages (control characters other than tab, line
    /// feed and carriage return; non-characters) with U+FFFD, by the shared `UnsafeScalars` rule.
    static func removingInvalidCharacters(_ value: String) -> String {
        UnsafeScalars.replaced(in: value)
    }

    /// Maps each id to a distinct XML name token (`nameToken`), keeping ids that already are
    /// one; a clash after escaping gets `-2`, `-3`...
    public static func uniqueNameTokens(_ ids: [String], colon: Bool = true) -> [String: String] {
        var result: [String: String] = [:]
        var used = Set<String>()
        for id in ids where nameToken(id, colon: colon) == id {
            result[id] = id
            used.insert(id)
        }
        for id in ids where result[id] == nil {
            let base = nameToken(id, colon: colon)
            var candidate = base
            var n = 2
            while used.contains(candidate) { candidate = base + "-\(n)"; n += 1 }
            result[id] = candidate
            used.insert(candidate)
        }
        return result
    }

    /// An XML name token for `id` (GraphML ids, TEI `xml:id` after a letter prefix): letters,
    /// digits, `.`, `-`, `_` (and `:` unless `colon` is false) kept, anything else written as
    /// `_xHHHH_`.
    public static func nameToken(_ id: String, colon: Bool = true) -> String {
        if id.isEmpty { return "_x0000_" }
        if isASCIINameToken(id, colon: colon) { return id }
        var out = ""
        for scalar in id.unicodeScalars {
            if isNameCharacter(scalar) && (colon || scalar != ":") {
                out.unicodeScalars.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
            }
        }
        return out
    }

    /// True when `id` is made only of ASCII characters `nameToken` keeps (so it keeps `id` as
    /// it is): the common case, checked on the bytes.
    /// - Complexity: O(n) in the UTF-8 length of `id`.
    static func isASCIINameToken(_ id: String, colon: Bool = true) -> Bool {
        var id = id
        return id.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case 0x61...0x7A, 0x41...0x5A, 0x30...0x39, 0x2E, 0x2D, 0x5F: continue
                case 0x3A where colon: continue
                default: return false
                }
            }
            return true
        }
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "-", "_", ":": return true
        default:
            guard scalar.value >= 0xC0 else { return false }
            return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .decimalNumber
        }
    }

    /// A valid `xml:id` (an XML NCName under every edition of XML, which is what schema
    /// validators check) from `text`, readable where it can be: ASCII letters, digits, `-`,
    /// `_` and `.` are kept, letters of the Latin, Greek and Cyrillic blocks too (they are name
    /// characters in every edition); anything else, ligatures included, is written `_xHHHH_`.
    /// The result starts with `prefix`, which must itself start with a letter.
    public static func ncName(_ text: String, prefix: String) -> String {
        // The usual id (ASCII name characters only) is kept whole, not appended scalar by
        // scalar: the CMIF writer names every letter so (a second of CPU at 500,000 letters).
        if text.utf8.allSatisfy({ $0 < 0x80 && isPortableNameCharacter(Unicode.Scalar($0)) }) { return prefix + text }
        var out = prefix
        for scalar in text.unicodeScalars {
            if isPortableNameCharacter(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
            }
        }
        return out
    }

    /// True when `text` is already an `xml:id` `ncName` would keep as it is: portable name
    /// characters only, starting with a letter or `_`.
    public static func isPortableNCName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.properties.isAlphabetic && isPortableNameCharacter(first)) else { return false }
        return text.unicodeScalars.allSatisfy(isPortableNameCharacter)
    }

    /// Name characters in XML 1.0 4th and 5th editions alike: ASCII letters and digits, `-`
    /// `_` `.`, and the letters of Latin-1, Latin Extended-A/B (less × and ÷), Greek and
    /// Cyrillic.
    private static func isPortableNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F: return true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x131, 0x134...0x13E, 0x141...0x148, 0x14A...0x17E, 0x180...0x1C3,
             0x1CD...0x1F0, 0x1F4...0x1F5, 0x1FA...0x217, 0x388...0x38A, 0x38C, 0x38E...0x3A1, 0x3A3...0x3CE,
             0x401...0x40C, 0x40E...0x44F, 0x451...0x45C, 0x45E...0x481:
            return true
        default: return false
        }
    }
}
