/// Finds people of the person table in a piece of header or body text by their aliases
/// ("PREMIER J. V. STALIN", "THE PRESIDENT, Mr F. D. ROOSEVELT"), longest alias first.
///
/// Aliases made only of titles ("THE PRIME MINISTER", "THE PRESIDENT") are ambiguous across
/// years (the President is Truman after April 1945), so they are used only when no alias with
/// a name matches: an explicit name always wins.
struct PersonMatcher: Sendable {
    /// Words that are titles, offices or filler, never a name.
    static let titleWords: Set<String> = [
        "THE", "OF", "AND", "MR", "MRS", "SIR", "HIS", "HER", "EXCELLENCY", "DR",
        "PERSONAL", "SECRET", "MOST", "MESSAGE", "REPLY", "URGENT", "TELEGRAM", "COPY",
        "PRIME", "MINISTER", "PRESIDENT", "PREMIER", "MARSHAL", "GENERALISSIMO",
        "GENERAL", "ADMIRAL", "FIELD", "CHAIRMAN", "COUNCIL", "COMMISSARS", "PEOPLE",
        "FOREIGN", "SECRETARY", "AMBASSADOR", "COMMANDER", "IN", "CHIEF", "SUPREME",
        "ARMED", "FORCES", "UNITED", "STATES", "AMERICA", "GREAT", "BRITAIN", "KINGDOM",
        "GOVERNMENT", "PEOPLES", "SOVIET", "UNION", "NATIONS", "USSR", "U", "S", "A", "R",
        "MAJOR", "LIEUTENANT", "HEAD", "MILITARY", "MISSION", "ARMY", "STAFF", "RED", "TO", "FROM", "FOR",
    ]

    private struct Alias: Sendable {
        var tokens: [String]
        var person: String
        var generic: Bool
    }

    private var byFirstToken: [String: [Alias]] = [:]

    /// The matcher of `people`, built once for as long as the same table is passed (`LastMade`).
    static func cached(for people: PersonTable) -> PersonMatcher {
        lastBuilt.value(for: people.people) { _ in PersonMatcher(people: people) }
    }

    private static let lastBuilt = LastMade<[Person], PersonMatcher>()

    init(people: PersonTable) {
        for person in people.people {
            for alias in person.aliases + [person.name] {
                let tokens = PersonMatcher.tokens(alias)
                guard !tokens.isEmpty else { continue }
                let generic = tokens.allSatisfy { PersonMatcher.titleWords.contains($0) }
                byFirstToken[tokens[0], default: []].append(Alias(tokens: tokens, person: person.id, generic: generic))
            }
        }
        for key in byFirstToken.keys {
            byFirstToken[key]?.sort { $0.tokens.count > $1.tokens.count }
        }
    }

    /// Upper-case letter words of a text ("Mr. W. Churchill," -> ["MR", "W", "CHURCHILL"]).
    static func tokens(_ text: some StringProtocol) -> [String] {
        var out: [String] = []
        var word: [UInt8] = []
        var bytes = text.utf8.makeIterator()
        while let b = bytes.next() {
            if b >= 0x61 && b <= 0x7A {
                word.append(b - 0x20)
            } else if (b >= 0x41 && b <= 0x5A) || b >= 0x80 {
                word.append(b)
            } else if !word.isEmpty {
                out.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { out.append(String(decoding: word, as: UTF8.self)) }
        return out
    }

    /// The people named in `text`, in the order they appear, each once.
    func people(in text: some StringProtocol) -> [String] {
        let words = PersonMatcher.tokens(text)
        let named = scan(words, generic: false)
        return named.isEmpty ? scan(words, generic: true) : named
    }

    private func scan(_ words: [String], generic: Bool) -> [String] {
        var found: [String] = []
        var i = 0
        while i < words.count {
            var advanced = false
            for alias in byFirstToken[words[i]] ?? [] where alias.generic == generic {
                let n = alias.tokens.count
                if i + n <= words.count, (0..<n).allSatisfy({ words[i + $0] == alias.tokens[$0] }) {
                    if !found.contains(alias.person) { found.append(alias.person) }
                    i += n
                    advanced = true
                    break
                }
            }
            if !advanced { i += 1 }
        }
        return found
    }

    /// A name for someone the table does not know: the last word of the segment that is not a
    /// title, in title case ("MAJOR-GENERAL JOHN R. DEANE" -> "Deane"); nil when there is none.
    static func unknownSurname(in text: some StringProtocol) -> String? {
        let firstPart = String(text).split(separator: Character(",")).first.map(String.init) ?? String(text)
        let words = tokens(firstPart).filter { !titleWords.contains($0) && $0.count > 1 }
        guard let last = words.last else { return nil }
        return last.prefix(1) + last.dropFirst().lowercased()
    }
}
