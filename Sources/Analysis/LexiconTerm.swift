/// One entry of a lexicon: a phrase or a word pattern, with the weight a match adds to a
/// topic's score (negative weights are counter-evidence) and the line of the file it came from.
///
/// A **phrase** matches its words in order, ignoring case and punctuation ("Lend-Lease" matches
/// "lend lease"). A **pattern** is a phrase whose space-separated items may also be:
/// `word*` (any word starting with `word`), `*` (exactly one word of any kind) or `...`
/// (a gap of zero to three words). A pattern starts with a word or a `word*` item.
public struct LexiconTerm: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case phrase, pattern
    }

    public var text: String
    public var kind: Kind
    public var weight: Double
    /// Line in the lexicon file (0 for terms built in code).
    public var line: Int

    public init(_ text: String, kind: Kind = .phrase, weight: Double = 1, line: Int = 0) {
        self.text = text
        self.kind = kind
        self.weight = weight
        self.line = line
    }

    /// One item of a compiled term.
    enum Item: Sendable, Hashable {
        case word([UInt8], UInt64)
        case prefix([UInt8])
        case anyWord
        case gap(Int)
    }

    /// The items of the term, or a message saying why it cannot be used.
    func compiled() -> Result<[Item], TermError> {
        var items: [Item] = []
        switch kind {
        case .phrase:
            items = WordSequence.words(of: text).map { .word($0, WordSequence.hash(of: $0)) }
        case .pattern:
            for piece in text.split(separator: " ", omittingEmptySubsequences: true) {
                if piece == "*" {
                    items.append(.anyWord)
                } else if piece == "..." || piece == "…" {
                    items.append(.gap(3))
                } else if piece.hasSuffix("*") {
                    let words = WordSequence.words(of: String(piece.dropLast()))
                    guard !words.isEmpty else { return .failure(TermError("'\(piece)' has no letters before '*'")) }
                    for w in words.dropLast() { items.append(.word(w, WordSequence.hash(of: w))) }
                    items.append(.prefix(words[words.count - 1]))
                } else {
                    for w in WordSequence.words(of: String(piece)) { items.append(.word(w, WordSequence.hash(of: w))) }
                }
            }
        }
        guard let first = items.first else { return .failure(TermError("'\(text)' has no words")) }
        switch first {
        case .word, .prefix: break
        case .anyWord, .gap: return .failure(TermError("pattern '\(text)' must start with a word, not '*' or '...'"))
        }
        if case .gap = items.last { return .failure(TermError("pattern '\(text)' must not end with '...'")) }
        if case .anyWord = items.last, kind == .pattern, items.count == 1 {
            return .failure(TermError("pattern '\(text)' matches every word"))
        }
        return .success(items)
    }

    /// What the term matches, as one string ("second front", "open* ... front"): two terms with
    /// the same key match the same words, since case and diacritics are ignored.
    func matchKey() -> String? {
        guard case .success(let items) = compiled() else { return nil }
        return items.map { item -> String in
            switch item {
            case .word(let bytes, _): return String(decoding: bytes.map(WordSequence.folded), as: UTF8.self)
            case .prefix(let bytes): return String(decoding: bytes.map(WordSequence.folded), as: UTF8.self) + "*"
            case .anyWord: return "*"
            case .gap: return "..."
            }
        }.joined(separator: " ")
    }

    struct TermError: Error, Sendable {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
