/// Walks a CMIF document once, streaming, and hands over what the reader needs: the header's
/// description of the file, and one `CMIFRecord` per `correspDesc` as soon as it closes (the
/// walker holds one record at a time). Only elements in the TEI namespace count; anything else
/// is stepped over.
///
/// - Complexity: O(n) in the size of the document; memory holds one record, not the document.
struct CMIFWalker {
    static let teiNamespace = "http://www.tei-c.org/ns/1.0"
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    private(set) var header = CorpusHeader()
    private(set) var hasHeader = false
    private(set) var issues: [ReadIssue] = []
    /// How many records were handed over.
    private(set) var recordCount = 0

    private let stream: XMLStream
    private let file: String
    /// TEI local names of the open elements ("" for an element in another namespace).
    private var path: [String] = []
    private var record: CMIFRecord?
    /// A record whose `correspDesc` has just closed, until `nextRecord` hands it over.
    private var completed: CMIFRecord?
    private var sawRoot = false
    private var action: CMIFRecord.Action?
    /// The element whose text is being gathered, with the depth it opened at.
    private var capture: (element: String, depth: Int, line: Int, ref: String?)?
    private var text = ""
    /// Inside a header `editor`: its `email`, gathered apart from the name.
    private var email: String?
    private var inEmail = false
    private var biblTarget: String?
    private var biblAttributes: (id: String?, type: String?)?
    private var licenceTarget: String?
    /// The open `note`'s `@type` and where it stands, while its text is gathered.
    private var noteType: String?
    private var noteAnchor = SourceNote.Anchor.letter
    /// The depth of the `note` that holds an action written as a note, while it is open.
    private var actionNoteDepth: Int?
    /// `@cert` and `@subtype` of the date note of such an action, while its text is gathered.
    private var actionNoteDate: (cert: String?, evidence: String?)?

    init(stream: XMLStream, file: String) {
        self.stream = stream
        self.file = file
    }

    /// Walks on to the end of the next `correspDesc` and hands its record over; nil at the end
    /// of the document.
    /// - Throws: a `.badData` error for malformed XML or a document that is not TEI.
    mutating func nextRecord() throws -> CMIFRecord? {
        while let event = try stream.next() {
            switch event {
            case let .start(name, inTEI, isEmpty, line):
                if !sawRoot {
                    sawRoot = true
                    guard name == "TEI", inTEI else {
                        throw EpistolaryError(.badData, file: file, line: line,
                                              "expected a CMIF document (root <TEI> in the TEI namespace \(Self.teiNamespace)), found <\(XMLStream.bounded(name))>")
                    }
                }
                let local = inTEI ? name : ""
                path.append(local)
                start(local, line: line)
                if isEmpty {
                    end(local, line: line)
                    path.removeLast()
                }
            case let .end(name, inTEI, line):
                let local = inTEI ? name : ""
                end(local, line: line)
                if !path.isEmpty { path.removeLast() }
            case .text:
                if capture != nil {
                    if inEmail { email = (email ?? "") + stream.text() } else { text += stream.text() }
                }
            }
            if let done = completed {
                completed = nil
                recordCount += 1
                return done
            }
        }
        guard sawRoot else { throw EpistolaryError(.badData, file: file, line: 1, "the document is empty; expected a CMIF (TEI) document") }
        return nil
    }

    /// True when the open elements end with `names` (the last is the current element).
    private func within(_ names: String...) -> Bool {
        guard path.count >= names.count else { return false }
        return Array(path.suffix(names.count)) == names
    }

    private func inside(_ name: String) -> Bool { path.dropLast().contains(name) }

    private mutating func begin(_ element: String, line: Int, ref: String? = nil) {
        capture = (element, path.count, line, ref)
        text = ""
    }

    private mutating func start(_ name: String, line: Int) {
        if capture != nil {
            // An element inside a captured one: its text joins the capture, except an editor's email.
            if name == "email", capture?.element == "editor" { inEmail = true }
            if name == "ref", capture?.element == "bibl", biblTarget == nil { biblTarget = stream.attribute("target") }
            return
        }
        // The file's description: the teiHeader, except its profileDesc (where the letters are).
        if inside("teiHeader") && !inside("profileDesc") && name != "profileDesc" { startHeader(name, line: line); return }
        switch name {
        case "correspDesc":
            if record != nil {
                issues.append(ReadIssue(kind: .unsupported, outcome: .adjusted, file: file, span: SourceSpan(startLine: line, endLine: line),
                                        detail: "a correspDesc inside another: read as part of the outer one"))
                return
            }
            record = CMIFRecord(xmlID: stream.attribute("id", namespace: Self.xmlNamespace), key: stream.attribute("key"),
                                ref: stream.attribute("ref"), source: stream.attribute("source"), startLine: line, endLine: line)
        case "correspAction" where record != nil && action == nil:
            action = CMIFRecord.Action(type: stream.attribute("type"), line: line)
        case "persName" where action != nil, "orgName" where action != nil:
            begin(name, line: line, ref: stream.attribute("ref"))
        case "placeName" where action != nil, "settlement" where action != nil:
            if action?.place == nil { begin(name, line: line, ref: stream.attribute("ref")) } else { action?.extraPlaces += 1 }
        case "note" where record != nil:
            startNote(line: line)
        case "date" where action != nil:
            guard action?.date == nil else { action?.extraDates += 1; return }
            action?.date = CMIFRecord.DateAttributes(
                when: stream.attribute("when"), notBefore: stream.attribute("notBefore"), notAfter: stream.attribute("notAfter"),
                from: stream.attribute("from"), to: stream.attribute("to"), cert: stream.attribute("cert"),
                evidence: stream.attribute("evidence"), line: line)
        default:
            break
        }
    }

    /// A `note` of a letter: kept with where it stands (`SourceNote`), unless it is an action
    /// that a CMIF export wrote as a note (`CMIFReader.actionNoteType`), which is read as the
    /// action it describes: its names, its place and its date note.
    private mutating func startNote(line: Int) {
        let type = stream.attribute("type")
        if action == nil, within("correspDesc", "note"), type == CMIFReader.actionNoteType {
            let subtype = CMIFReader.actionType(stream.attribute("subtype"))
            if subtype != CMIFReader.sent && subtype != CMIFReader.received {
                action = CMIFRecord.Action(type: subtype, line: line, fromNote: true)
                actionNoteDepth = path.count
                return
            }
        }
        if action?.fromNote == true, type == CMIFReader.actionDateNoteType, action?.date == nil {
            actionNoteDate = (stream.attribute("cert"), stream.attribute("subtype"))
            begin("actionDate", line: line)
            return
        }
        noteType = type
        if let action {
            noteAnchor = .action(CMIFReader.actionType(action.type))
        } else {
            noteAnchor = inside("correspContext") ? .context : .letter
        }
        begin("note", line: line)
    }

    private mutating func startHeader(_ name: String, line: Int) {
        hasHeader = true
        switch name {
        case "title" where within("titleStmt", "title") && header.title == nil:
            begin(name, line: line)
        case "editor" where within("titleStmt", "editor"):
            email = nil
            begin(name, line: line)
        case "publisher" where within("publicationStmt", "publisher"):
            begin(name, line: line)
        case "idno" where within("publicationStmt", "idno") && header.idno == nil:
            begin(name, line: line)
        case "date" where within("publicationStmt", "date"):
            header.published = stream.attribute("when") ?? header.published
        case "licence" where inside("availability"):
            licenceTarget = stream.attribute("target")
            begin(name, line: line)
        case "bibl" where within("sourceDesc", "bibl"):
            biblAttributes = (stream.attribute("id", namespace: Self.xmlNamespace), stream.attribute("type"))
            biblTarget = nil
            begin(name, line: line)
        default:
            break
        }
    }

    private mutating func end(_ name: String, line: Int) {
        if let open = capture {
            if name == "email", inEmail { inEmail = false; return }
            guard path.count == open.depth else { return }
            capture = nil
            finish(open.element, line: open.line, ref: open.ref, text: Self.folded(text))
            return
        }
        switch name {
        case "correspAction" where action?.fromNote != true:
            if let done = action { record?.actions.append(done) }
            action = nil
        case "note" where actionNoteDepth == path.count:
            if let done = action { record?.actions.append(done) }
            action = nil
            actionNoteDepth = nil
        case "correspDesc" where !inside("correspDesc"):
            guard var done = record else { return }
            done.endLine = line
            completed = done
            record = nil
        default:
            break
        }
    }

    private mutating func finish(_ element: String, line: Int, ref: String?, text: String) {
        switch element {
        case "persName", "orgName":
            action?.names.append(CMIFRecord.Name(text: text, ref: ref, isOrganisation: element == "orgName", line: line))
        case "placeName", "settlement":
            action?.place = CMIFRecord.Place(text: text, ref: ref, line: line)
        case "note":
            if !text.isEmpty { record?.notes.append(SourceNote(text: text, type: noteType, anchor: noteAnchor)) }
            noteType = nil
        case "actionDate":
            action?.date = CMIFReader.dateAttributes(interval: text, cert: actionNoteDate?.cert, evidence: actionNoteDate?.evidence, line: line)
            actionNoteDate = nil
        case "title":
            header.title = text
        case "editor":
            let mail = email.map(Self.folded)
            header.editors.append(CorpusHeader.Editor(name: text, email: mail?.isEmpty == false ? mail : nil))
            email = nil
        case "publisher":
            header.publisher = text
        case "idno":
            header.idno = text
        case "licence":
            header.licence = text.isEmpty ? nil : text
            header.licenceTarget = licenceTarget
        case "bibl":
            header.bibls.append(CorpusHeader.Bibl(id: biblAttributes?.id, type: biblAttributes?.type, text: text, target: biblTarget))
            biblAttributes = nil
            biblTarget = nil
        default:
            break
        }
    }

    /// Runs of white space as one space, none at the ends. Scalar by scalar: ASCII is tested
    /// directly, only other scalars look up their Unicode property.
    /// - Complexity: O(n) in the length of `s`.
    static func folded(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            let space = scalar.isASCII ? (scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r")
                : scalar.properties.isWhitespace
            if space {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(scalar)
            }
        }
        return String(out)
    }
}
