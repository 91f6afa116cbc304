import Correspondence
import TOMLReader

/// The TOML form of a topic lexicon (see `Resources/topics.toml`, which documents it):
///
/// ```toml
/// [covering_notes]            # optional
/// max_words = 80
/// phrases = ["I enclose", "copy enclosed"]
///
/// [[topic]]
/// id = "second_front"         # [a-z0-9_]+, unique
/// label = "Second front"
/// threshold = 4
/// phrases = [{ text = "second front", weight = 4 }, "Overlord"]   # a bare string weighs 1
/// patterns = [{ pattern = "open* ... front in the west", weight = 3 }]
/// exclusions = [{ text = "Sicily", weight = 2 }, { pattern = "landing* in ital*", weight = 2 }]
/// ```
///
/// Unknown keys, wrong types, empty or malformed terms and duplicate ids are errors naming the
/// file, the line and the key.
enum TopicLexiconFile {
    static func parse(_ text: String, file: String) throws -> TopicLexicon {
        do {
            let doc = try TOMLDocument.parse(text, file: file)
            try doc.root.rejectUnknownKeys(allowing: ["topic", "covering_notes"])
            var covering = CoveringNoteRule.none
            if let value = doc.root["covering_notes"] {
                let table = try value.table()
                try table.rejectUnknownKeys(allowing: ["max_words", "phrases"])
                let maxWords = try table.integer("max_words")
                guard maxWords > 0 else { throw try table.value("max_words").error("max_words must be positive") }
                covering = CoveringNoteRule(phrases: try terms(table["phrases"], kind: .phrase), maxWords: maxWords)
            }
            guard let topicValue = doc.root["topic"] else {
                throw TOMLError(file: file, line: 1, key: "topic", "no [[topic]] tables: a topic file defines at least one topic")
            }
            var topics: [TopicDefinition] = []
            var seen: [String: Int] = [:]
            for table in try topicValue.tables() {
                try table.rejectUnknownKeys(allowing: ["id", "label", "threshold", "phrases", "patterns", "exclusions"])
                let idValue = try table.value("id")
                let id = try idValue.string()
                guard !id.isEmpty, id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) else {
                    throw idValue.error("topic id '\(id)' must be lower-case letters, digits and '_'")
                }
                if let first = seen[id] {
                    throw idValue.error("topic id '\(id)' is already defined on line \(first)")
                }
                seen[id] = idValue.location.line
                let thresholdValue = try table.value("threshold")
                let threshold = try thresholdValue.number()
                guard threshold > 0 else { throw thresholdValue.error("threshold must be greater than 0") }
                let phrases = try terms(table["phrases"], kind: .phrase)
                let patterns = try terms(table["patterns"], kind: .pattern)
                guard !(phrases + patterns).isEmpty else {
                    throw TOMLError(at: table.location, "topic '\(id)' has no phrases and no patterns")
                }
                let exclusions = try terms(table["exclusions"], kind: nil)
                try rejectDuplicates(phrases + patterns, file: file, topic: id)
                try rejectDuplicates(exclusions, file: file, topic: id)
                topics.append(TopicDefinition(id: id, label: try table.string("label"), terms: phrases + patterns,
                                              exclusions: exclusions,
                                              threshold: threshold, line: table.location.line))
            }
            return TopicLexicon(topics: topics, coveringNotes: covering, source: file)
        } catch let error as TOMLError {
            throw EpistolaryError(.badData, file: error.file, line: error.line, error.message)
        }
    }

    /// Two terms of a topic that match the same words would count twice: an error naming both
    /// lines (matching ignores case and diacritics, so "émigré" and "emigre" are the same term).
    private static func rejectDuplicates(_ terms: [LexiconTerm], file: String, topic: String) throws {
        var seen: [String: LexiconTerm] = [:]
        for term in terms {
            guard let key = term.matchKey() else { continue }
            if let first = seen[key] {
                throw TOMLError(file: file, line: term.line, key: "topic",
                                "topic '\(topic)': '\(term.text)' matches the same words as '\(first.text)' on line \(first.line) (matching ignores case and diacritics); keep one")
            }
            seen[key] = term
        }
    }

    /// Reads an array of terms. `kind` nil accepts both `{ text = ... }` and `{ pattern = ... }`.
    private static func terms(_ value: TOMLValue?, kind: LexiconTerm.Kind?) throws -> [LexiconTerm] {
        guard let value else { return [] }
        var out: [LexiconTerm] = []
        for element in try value.array() {
            var term: LexiconTerm
            switch element.kind {
            case .string(let s) where kind != .pattern:
                term = LexiconTerm(s, kind: .phrase, weight: 1, line: element.location.line)
            case .string(let s):
                term = LexiconTerm(s, kind: .pattern, weight: 1, line: element.location.line)
            case .table(let table):
                let allowedKeys: [String]
                switch kind {
                case .phrase?: allowedKeys = ["text", "weight"]
                case .pattern?: allowedKeys = ["pattern", "weight"]
                case nil: allowedKeys = ["text", "pattern", "weight"]
                }
                try table.rejectUnknownKeys(allowing: allowedKeys)
                let weightValue = try table.value("weight")
                let weight = try weightValue.number()
                guard weight > 0 else { throw weightValue.error("weight must be greater than 0") }
                if let text = table["text"] {
                    term = LexiconTerm(try text.string(), kind: .phrase, weight: weight, line: text.location.line)
                } else if let pattern = table["pattern"] {
                    term = LexiconTerm(try pattern.string(), kind: .pattern, weight: weight, line: pattern.location.line)
                } else {
                    throw TOMLError(at: element.location, "expected a key \(kind == .pattern ? "pattern" : "text") in \(element.location.key)")
                }
            default:
                throw element.typeError(expected: "a string or an inline table")
            }
            if case .failure(let problem) = term.compiled() {
                throw element.error("\(element.location.key): \(problem.message)")
            }
            out.append(term)
        }
        return out
    }
}

extension TopicLexicon {
    /// Parses the TOML text of a topic lexicon (format in `TopicLexiconFile`).
    public static func parse(_ text: String, file: String) throws -> TopicLexicon {
        try TopicLexiconFile.parse(text, file: file)
    }
}
