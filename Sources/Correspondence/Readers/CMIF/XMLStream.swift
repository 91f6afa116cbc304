internal import CLibXML2
import Foundation

/// A forward-only walk through an XML document with libxml2's streaming reader (xmlTextReader):
/// no tree is built, so a document of any size is read in memory proportional to its deepest
/// element. Set up for untrusted input: no network (`XML_PARSE_NONET`), no DTD loading, no
/// entity substitution, no XInclude, libxml2's own bounds on entity expansion (no
/// `XML_PARSE_HUGE`), and every external entity refused by the loader. Any libxml2 error —
/// malformed XML, invalid UTF-8, bytes that are not text in the declared encoding, an entity
/// that expands too far — ends the walk as a data error naming the file and line, never a trap,
/// and libxml2 prints nothing itself: the parser's errors come through the reader's handler,
/// the errors it raises outside a parser (encoding conversion, I/O) through the thread's error
/// channels, which each call into libxml2 routes to this stream for its duration (`calling`).
final class XMLStream {
    /// One step of the walk.
    enum Event {
        /// An element starts (`isEmpty`: it is written `<x/>` and no `.end` follows); `inTEI`
        /// when it is in the TEI namespace.
        case start(name: String, inTEI: Bool, isEmpty: Bool, line: Int)
        case end(name: String, inTEI: Bool, line: Int)
        /// Text, CDATA or white space inside an element: `text()` gives it, when wanted.
        case text
    }

    private let reader: xmlTextReaderPtr
    /// The bytes read from (nil for a file), kept alive as long as the reader reads them.
    private let bytes: Data?
    /// The file read from (nil for bytes).
    private let path: String?
    private let shownAs: String
    /// libxml2 keeps one copy of each namespace URI: once one pointer is known to be the TEI
    /// namespace, the others are compared by address, not by text.
    private var teiPointer: UnsafePointer<xmlChar>?
    /// The first error libxml2 reported: its line, message, code and domain.
    private var failure: Failure?
    /// The line the walk has reached: where the last node seen ends (see `line(ofElement:)`).
    private var reached = 1

    /// The parser options: see the type's comment. `XML_PARSE_BIG_LINES` keeps line numbers
    /// right past line 65,535.
    private static let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue
                                       | XML_PARSE_NOXINCNODE.rawValue | XML_PARSE_COMPACT.rawValue)

    /// An error as libxml2 reported it.
    private struct Failure {
        var line: Int
        var message: String
        var code: Int32
        var domain: Int32 = Int32(XML_FROM_PARSER.rawValue)
    }

    /// Where libxml2 sends an error, both the reader's and the thread's: to the stream in
    /// `context` (none while the stream is being made: then it is dropped, and the first read
    /// reports it again).
    private static let errorHandler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let stream = Unmanaged<XMLStream>.fromOpaque(context).takeUnretainedValue()
        stream.record(error.pointee)
    }

    /// Runs `body` (a call into libxml2) with the calling thread's libxml2 error channels routed
    /// to this stream (or, `quiet`, to nowhere), and puts back what was there: libxml2 keeps
    /// them per thread, so no other thread's reader is affected.
    private func calling<T>(_ body: () -> T) -> T {
        let saved = epistolary_xml_route_errors(Unmanaged.passUnretained(self).toOpaque(), Self.errorHandler)
        defer { epistolary_xml_restore_errors(saved) }
        return body()
    }

    /// `calling` before there is a stream: errors are dropped (nothing is parsed yet).
    private static func quietly<T>(_ body: () -> T) -> T {
        let saved = epistolary_xml_route_errors(nil, errorHandler)
        defer { epistolary_xml_restore_errors(saved) }
        return body()
    }

    /// Installs, once per process, an external entity loader that loads nothing: a document
    /// can name no file or URL that the reader would open.
    private static let refuseExternalEntities: Void = {
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    /// Reads from `bytes` (a file mapped in memory, or standard input); errors name `shownAs`.
    init(bytes: Data, shownAs: String) throws {
        _ = Self.refuseExternalEntities
        guard bytes.count <= Int(Int32.max) else {
            throw EpistolaryError(.badData, file: shownAs, "is larger than 2 GB, which the XML reader cannot take in one piece")
        }
        self.bytes = bytes
        path = nil
        self.shownAs = shownAs
        let made: xmlTextReaderPtr? = Self.quietly {
            bytes.withUnsafeBytes { raw in
                xmlReaderForMemory(raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, nil, Self.options)
            }
        }
        guard let made else {
            throw EpistolaryError(.environment, file: shownAs, "libxml2 could not start a reader (out of memory?)")
        }
        reader = made
        xmlTextReaderSetStructuredErrorHandler(reader, Self.errorHandler, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Reads a file from disk in chunks (it is never held whole in memory); errors name `shownAs`.
    init(path: String, shownAs: String) throws {
        _ = Self.refuseExternalEntities
        bytes = nil
        self.path = path
        self.shownAs = shownAs
        guard let made = Self.quietly({ xmlReaderForFile(path, nil, Self.options) }) else {
            throw EpistolaryError(.badData, file: shownAs, "cannot be read")
        }
        reader = made
        xmlTextReaderSetStructuredErrorHandler(reader, Self.errorHandler, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        let reader = reader
        Self.quietly { xmlFreeTextReader(reader) }
    }

    /// Keeps the first error (warnings are not errors). An error raised outside the parser
    /// (an encoding conversion) has no line of its own: it is where the parser has got to.
    private func record(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue, failure == nil else { return }
        let text = error.message.map { String(cString: $0) } ?? "the XML parser stopped"
        let line = error.line > 0 ? Int(error.line) : Int(xmlTextReaderGetParserLineNumber(reader))
        failure = Failure(line: line, message: text.trimmingCharacters(in: .whitespacesAndNewlines), code: error.code,
                          domain: error.domain)
    }

    /// The next event, or nil at the end of the document.
    /// - Throws: a `.badData` error naming the file and line for anything libxml2 refuses.
    func next() throws -> Event? {
        while true {
            let status = calling { xmlTextReaderRead(reader) }
            if let failure { throw describe(failure) }
            if status == 0 { return nil }
            if status < 0 {
                throw describe(Failure(line: Int(xmlTextReaderGetParserLineNumber(reader)), message: "the document is not well-formed", code: 0))
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                return .start(name: string(xmlTextReaderConstLocalName(reader)) ?? "", inTEI: inTEI(),
                              isEmpty: xmlTextReaderIsEmptyElement(reader) == 1, line: lineOfElement())
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .end(name: string(xmlTextReaderConstLocalName(reader)) ?? "", inTEI: inTEI(), line: reached)
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                 Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                passText()
                return .text
            case Int32(XML_READER_TYPE_COMMENT.rawValue), Int32(XML_READER_TYPE_PROCESSING_INSTRUCTION.rawValue):
                passText()
                continue
            default:
                continue
            }
        }
    }

    /// The line of the current element's start tag. libxml2 keeps an element's line in 16 bits
    /// (65,535 for any line past it, even with `XML_PARSE_BIG_LINES`, which only text nodes
    /// honour), and the parser's own line runs ahead of the node the reader hands over. So:
    /// libxml2's line below 65,535 (the line of the tag's `>`), else the line the walk has
    /// reached, which text nodes keep exact (the line of the tag's `<`: the two differ only for
    /// a tag written over several lines).
    private func lineOfElement() -> Int {
        if let node = xmlTextReaderCurrentNode(reader), node.pointee.line < UInt16.max {
            reached = max(1, Int(node.pointee.line))
        }
        return reached
    }

    /// Moves `reached` past the current text, comment or processing instruction: by the line
    /// breaks it holds, or to the line libxml2 recorded for a text node when that is further
    /// (a line break inside a tag is seen by no node).
    private func passText() {
        if let value = xmlTextReaderConstValue(reader) {
            var p = value
            while p.pointee != 0 {
                if p.pointee == 0x0A { reached += 1 }
                p += 1
            }
        }
        if let node = xmlTextReaderCurrentNode(reader), node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE {
            reached = max(reached, Int(xmlGetLineNo(node)))
        }
    }

    /// The text of the current text node.
    func text() -> String { string(xmlTextReaderConstValue(reader)) ?? "" }

    /// True when the current node is in the TEI namespace.
    private func inTEI() -> Bool {
        guard let pointer = xmlTextReaderConstNamespaceUri(reader) else { return false }
        if pointer == teiPointer { return true }
        guard String(cString: pointer) == CMIFWalker.teiNamespace else { return false }
        teiPointer = pointer
        return true
    }

    /// The value of an attribute of the current element (`namespace` for `xml:id` and the like).
    func attribute(_ name: String, namespace: String? = nil) -> String? {
        let value: UnsafeMutablePointer<xmlChar>?
        if let namespace {
            value = xmlTextReaderGetAttributeNs(reader, name, namespace)
        } else {
            value = xmlTextReaderGetAttribute(reader, name)
        }
        guard let value else { return nil }
        defer { epistolary_xml_free(value) }
        return String(cString: value)
    }

    /// The parser's current line (for errors found after an element started).
    var line: Int { max(1, Int(xmlTextReaderGetParserLineNumber(reader))) }

    private func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// The error a historian can act on: the line, and what libxml2 found, in words where the
    /// code is a common one.
    private func describe(_ failure: Failure) -> EpistolaryError {
        let message = failure.message.split(whereSeparator: \.isNewline).first.map(String.init) ?? failure.message
        let what: String
        switch failure.code {
        case _ where failure.domain == Int32(XML_FROM_I18N.rawValue), Int32(XML_IO_ENCODER.rawValue):
            let declared = string(xmlTextReaderConstEncoding(reader)).map { " (\(Self.bounded($0)))" } ?? ""
            what = "bytes that are not text in the encoding the document declares\(declared) (save the file as UTF-8, or declare the encoding it is in)"
            return EpistolaryError(.badData, file: shownAs, line: lineOfUnconvertibleBytes() ?? max(1, failure.line),
                                   "\(what): \(Self.bounded(message))")
        case Int32(XML_ERR_INVALID_CHAR.rawValue) where message.contains("UTF-8"),
             Int32(XML_ERR_INVALID_ENCODING.rawValue):
            what = "not UTF-8 text (save the file as UTF-8, or declare its encoding in the XML declaration)"
        case Int32(XML_ERR_ENTITY_LOOP.rawValue), Int32(XML_ERR_ENTITY_BOUNDARY.rawValue):
            what = "an entity that refers to itself or expands beyond the parser's bounds"
        default:
            if message.contains("UTF-8") {
                what = "not UTF-8 text (save the file as UTF-8, or declare its encoding)"
            } else {
                what = "malformed XML: " + (Self.meanings[failure.code] ?? "the document is not well-formed")
            }
        }
        return EpistolaryError(.badData, file: shownAs, line: max(1, failure.line),
                               "\(what): \(Self.bounded(message)); expected a well-formed CMIF (TEI) document")
    }

    /// The line of the first bytes that are not text in the document's declared encoding:
    /// libxml2 converts ahead of its parser, a chunk at a time, and reports such an error at
    /// the line its parser had reached, up to a chunk before the bytes.
    /// - Complexity: O(n) in the document, converted again up to the bytes (an error path only).
    private func lineOfUnconvertibleBytes() -> Int? {
        guard let encoding = xmlTextReaderConstEncoding(reader) else { return nil }
        guard let data = bytes ?? path.flatMap({ try? Data(contentsOf: URL(fileURLWithPath: $0), options: .alwaysMapped) }) else {
            return nil
        }
        return data.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
            let offset = Self.quietly {
                epistolary_xml_unconvertible_offset(UnsafeRawPointer(encoding).assumingMemoryBound(to: CChar.self), base, raw.count)
            }
            guard offset >= 0, offset <= raw.count else { return nil }
            return 1 + raw[..<offset].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        }
    }

    /// What the commonest libxml2 error numbers mean, in words.
    static let meanings: [Int32: String] = [
        4: "the document is empty",
        5: "the document ends inside an element, or has content after its root element",
        9: "a character XML does not allow (a control character)",
        26: "an entity XML does not define (write the character itself, or &amp; for &)",
        39: "an attribute value without quotes",
        41: "an attribute without a value",
        42: "an attribute given twice on one element",
        68: "a bare & or < in text or a tag (write &amp; or &lt;)",
        73: "a tag without its closing >",
        76: "a closing tag that does not match the element it closes",
        77: "an element left open at the end of the document",
    ]

    /// A message cut to 200 characters with control characters shown as `?`.
    static func bounded(_ s: String) -> String {
        let cut = s.count > 200 ? String(s.prefix(200)) + "…" : s
        return String(cut.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
    }
}
