import Foundation

/// Reads a CMIF file (TEI `correspDesc` records, as the CMIF documentation and correspSearch
/// define them) as a corpus, streaming it through libxml2 (`XMLStream`): no size limit, memory
/// for the records rather than the document, and every XML error a data error with its line.
///
/// Each `correspDesc` is one message:
/// - every `persName` and `orgName` of the `sent` actions is a sender, in order (co-senders
///   send); of the `received` actions, a recipient. A name with only a `@ref` still counts; an
///   `orgName` is an organisation. A letter with no sender (or no addressee) gets an
///   unidentified person of its own, never a shared hub.
/// - the other actions (`transmitted`, `forwarded`, `redirected`, `delivered`, any type) and
///   the `received` action's date and place are kept in `Message.actions`.
/// - the date is the `sent` action's `date`: `@when`, or `@notBefore`/`@from` and
///   `@notAfter`/`@to`, at any precision `DateParser` reads (xs:dateTime keeps its time); an
///   open bound stays open; `@cert` and `@evidence` are kept. Without one the letter is
///   undated (a receipt date stays with the received action). An impossible date keeps its
///   raw value, leaves the message undated and is listed.
/// - the letter's own id (`xml:id`, else `@key` when unique in the file), its URL (`@ref`)
///   and edition (`@source`) are kept; so is the file's header (`CorpusHeader`).
/// - every `note` of the letter, of one of its actions or of its `correspContext` is kept in
///   `Message.sourceNotes` with where it stood; a `note type="correspAction"` (how a CMIF export
///   writes an action CMIF cannot hold) is read as that action.
///
/// Lenient: a record that cannot be used whole is adjusted or skipped and listed in
/// `Corpus.issues` with its file, line and reason; the corpus goes on. Only a document that is
/// not well-formed XML, or not TEI, is refused as a whole.
public enum CMIFReader {
    static let teiNamespace = CMIFWalker.teiNamespace

    /// The TEI action types that are the letter's writing and its receipt.
    public static let sent = "sent", received = "received"

    /// CMIF allows only `sent` and `received` correspActions. A CMIF export writes any other
    /// action (TEI's `transmitted`, `forwarded`, `redirected`...) as a note of this `@type`
    /// in the `correspDesc`, its action type as `@subtype`, its people and place as `persName`,
    /// `orgName` and `placeName` inside, and its date as a note of type `actionDateNoteType`
    /// (CMIF allows no `date` in a note); the reader reads such a note back as the action.
    public static let actionNoteType = "correspAction"
    /// The date of an action written as a note: `YYYY[-MM[-DD]]`, or `FROM/TO` with `..` for an
    /// open end (ISO 8601 intervals), `@cert="low"` when doubted, `@subtype="conjecture"` when
    /// worked out (the values of CMIF's `date/@cert` and `@evidence`).
    public static let actionDateNoteType = "date"

    /// An action's `@type` as compared: trimmed and lower-cased, "" when missing.
    public static func actionType(_ raw: String?) -> String {
        (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// The dating attributes a date note's text stands for (see `actionDateNoteType`).
    static func dateAttributes(interval text: String, cert: String?, evidence: String?, line: Int) -> CMIFRecord.DateAttributes {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        func bound(_ s: String) -> String? { s.isEmpty || s == ".." ? nil : s }
        if parts.count == 2 {
            return CMIFRecord.DateAttributes(when: nil, notBefore: bound(parts[0]), notAfter: bound(parts[1]), from: nil, to: nil,
                                             cert: cert, evidence: evidence, line: line)
        }
        return CMIFRecord.DateAttributes(when: bound(text), notBefore: nil, notAfter: nil, from: nil, to: nil,
                                         cert: cert, evidence: evidence, line: line)
    }

    /// Reads CMIF bytes.
    /// - Parameters:
    ///   - sourceName: the corpus's display name (the file name).
    ///   - shownAs: how errors name the file (the path as the user gave it); `sourceName` if nil.
    /// - Complexity: O(n) in the size of the document, O(m log m) in its m letters.
    public static func read(data: Data, sourceName: String, shownAs: String? = nil, people: PersonTable) throws -> Corpus {
        let shown = shownAs ?? sourceName
        return try read(stream: try XMLStream(bytes: data, shownAs: shown), hash: HashInBackground(bytes: data),
                        sourceName: sourceName, shown: shown, people: people,
                        expected: data.withUnsafeBytes { CMIFRecordCount.count(in: $0) })
    }

    /// Walks the document, making each record's message as soon as it is walked, then resolves
    /// people and ids across the file.
    /// `expected`: how many records the file holds, as far as counted (`CMIFRecordCount`).
    private static func read(stream: XMLStream, hash: HashInBackground, sourceName: String, shown: String,
                             people: PersonTable, expected: Int) throws -> Corpus {
        var walker = CMIFWalker(stream: stream, file: shown)
        var builder = CMIFMessageBuilder(file: shown, people: people, expected: expected)
        do {
            while let record = try walker.nextRecord() { builder.add(record) }
            guard builder.count > 0 else {
                throw EpistolaryError(.badData, file: shown, line: stream.line,
                                      "expected at least one correspDesc in the CMIF file, found none")
            }
        } catch {
            hash.cancel()   // the background hash must not outlive a failed read
            throw error
        }
        let messages = builder.finish()
        let issues = (walker.issues + builder.issues).sorted { ($0.line, $0.detail) < ($1.line, $1.detail) }
        return Corpus(sourceName: sourceName, sourceHash: hash.value(), messages: messages, people: builder.people.table,
                      issues: issues, header: walker.hasHeader ? walker.header : nil)
    }

    /// Reads a CMIF file from disk, streamed in chunks by libxml2 and hashed in chunks on another
    /// core: the file is never held whole in memory. Errors name it as given.
    public static func read(path: String, people: PersonTable) throws -> Corpus {
        try read(path: path, sourceName: URL(fileURLWithPath: path).lastPathComponent, shownAs: path, people: people)
    }

    /// `read(path:people:)` with the corpus's name and the name errors give chosen by the caller
    /// (standard input's copy is read by its descriptor's path: `CorpusLoader`).
    static func read(path: String, sourceName: String, shownAs shown: String, people: PersonTable) throws -> Corpus {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw EpistolaryError(.badData, file: shown, "no such file")
        }
        guard !isDirectory.boolValue else { throw EpistolaryError(.badData, file: shown, "is a folder, not a CMIF file") }
        guard FileManager.default.isReadableFile(atPath: path) else { throw EpistolaryError(.badData, file: shown, "cannot be read") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size > 0 else { throw EpistolaryError(.badData, file: shown, "the file is empty") }
        let stream = try XMLStream(path: path, shownAs: shown)
        return try read(stream: stream, hash: HashInBackground(fileAt: path), sourceName: sourceName, shown: shown,
                        people: people, expected: CMIFRecordCount.count(fileAt: path))
    }
}
