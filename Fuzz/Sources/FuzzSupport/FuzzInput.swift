import Correspondence
import Foundation

/// What every target does with libFuzzer's bytes: decodes them as a corpus file would be
/// (`CorpusLoader.decodedText`, so invalid UTF-8 and NUL bytes take the reader's own path),
/// and checks the invariants every error must keep.
public enum FuzzInput {
    public static let people: PersonTable = {
        guard let table = try? PersonTable.bundled() else { fatalError("the bundled person table is missing") }
        return table
    }()

    /// The bytes as the loader would decode them; nil when the loader refuses them (with an
    /// error that must itself be well formed).
    public static func text(_ data: Data, file: String) -> String? {
        do {
            return try CorpusLoader.decodedText(data: data, shownAs: file)
        } catch {
            check(error, file: file)
            return nil
        }
    }

    /// A reader's error must be an `EpistolaryError` naming the file, with a printable message.
    public static func check(_ error: Error, file: String) {
        guard let known = error as? EpistolaryError else {
            fatalError("a reader threw \(type(of: error)), not EpistolaryError: \(error)")
        }
        let text = known.description
        precondition(!text.unicodeScalars.contains { $0.value < 0x20 }, "an error message holds a control character: \(text.debugDescription)")
        precondition(text.unicodeScalars.count < 2_400, "an error message is not bounded")
        if known.kind == .badData { precondition(known.file != nil, "a data error names no file: \(text)") }
    }

    /// A corpus a reader returned must be one the rest of the pipeline can take: distinct ids,
    /// each message's lines inside the file.
    public static func check(_ corpus: Corpus, lines: Int) {
        var ids = Set<String>()
        for message in corpus.messages {
            precondition(ids.insert(message.id).inserted, "duplicate message id \(message.id)")
            precondition(message.span.startLine >= 1 && message.span.startLine <= message.span.endLine,
                         "bad span \(message.span) for \(message.id)")
            precondition(message.span.endLine <= lines + 1, "span \(message.span) past the end (\(lines) lines)")
        }
    }
}
