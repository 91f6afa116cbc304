import Foundation
import TOMLReader
import Correspondence

/// The topics an analysis looks for, read from a TOML data file (never from code), plus the
/// rule for covering notes. `bundled()` is the lexicon of the war telegrams; `load(path:)` reads
/// a user's own (same format, see `Resources/topics.toml`).
public struct TopicLexicon: Sendable, Hashable {
    /// Topics in file order (the order of legends and exports).
    public var topics: [TopicDefinition]
    public var coveringNotes: CoveringNoteRule
    /// Where the lexicon came from ("topics.toml" for the bundled one, else the path).
    public var source: String

    public init(topics: [TopicDefinition], coveringNotes: CoveringNoteRule = .none, source: String = "") {
        self.topics = topics
        self.coveringNotes = coveringNotes
        self.source = source
    }

    /// The topic with this id, if any.
    public func topic(_ id: String) -> TopicDefinition? { topics.first { $0.id == id } }

    /// The bundled lexicon of the war telegrams.
    public static func bundled() throws -> TopicLexicon {
        guard let url = Bundle.module.url(forResource: "topics", withExtension: "toml", subdirectory: "Resources") else {
            throw EpistolaryError(.environment, "the bundled topic lexicon topics.toml is missing from the build")
        }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw EpistolaryError(.environment, file: url.path, "cannot read the bundled topic lexicon")
        }
        return try parse(text, file: "topics.toml")
    }

    /// Reads a topic lexicon from a TOML file; errors name the file, line and key.
    public static func load(path: String) throws -> TopicLexicon {
        guard FileManager.default.fileExists(atPath: path) else {
            throw EpistolaryError(.badUsage, file: path, "no such topic file")
        }
        InputFiles.note(path)
        let text: String
        do {
            text = try TOMLDocument.text(ofFile: path)
        } catch let error as TOMLError {
            // Unreadable: usage, as for a theme sheet; too large or not UTF-8: data.
            throw EpistolaryError(error.unreadable ? .badUsage : .badData, file: path, line: error.line, error.message)
        }
        return try parse(text, file: path)
    }
}
