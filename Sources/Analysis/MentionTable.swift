import Foundation
import Correspondence

/// A person or place that message bodies name.
public struct MentionEntity: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case person, place
    }

    /// Stable id; for people the person table's id where the person is in it ("Churchill").
    public var id: String
    public var kind: Kind
    public var name: String
    /// Forms the bodies use ("Mr Hopkins", "Hopkins"); matched ignoring case, but a match must
    /// start with a capital letter, as names do in the text.
    public var aliases: [String]

    public init(id: String, kind: Kind, name: String, aliases: [String]) {
        self.id = id
        self.kind = kind
        self.name = name
        self.aliases = aliases
    }
}

/// The alias table of people and places for mentions (`Resources/mentions.json`), shared with
/// the person table: a person who is also in the person table takes its name, and those of its
/// aliases that contain a word of the person's name (so "W. CHURCHILL" is kept but the
/// ambiguous "THE PRIME MINISTER" is not). People of the person table missing from the file are
/// added the same way.
///
/// An entry is the person of the person table with the same id, or else with the same full name
/// compared by `nameKey` (ignoring case, accents, punctuation and spacing): one person is
/// one entity, whichever file gave them which id, and entries that come to share an id are one.
public struct MentionTable: Sendable, Hashable {
    public private(set) var entities: [MentionEntity]

    public init(entities: [MentionEntity], people: PersonTable) {
        var byName: [String: String] = [:]
        for person in people.people where byName[Self.nameKey(person.name)] == nil { byName[Self.nameKey(person.name)] = person.id }
        var merged: [MentionEntity] = []
        var index: [String: Int] = [:]
        for var entity in entities {
            if entity.kind == .person, people[entity.id] == nil, let id = byName[Self.nameKey(entity.name)] { entity.id = id }
            if let i = index[entity.id] {
                for a in entity.aliases where !merged[i].aliases.contains(where: { $0.caseInsensitiveCompare(a) == .orderedSame }) {
                    merged[i].aliases.append(a)
                }
            } else {
                index[entity.id] = merged.count
                merged.append(entity)
            }
        }
        for person in people.people {
            let nameWords = Set(WordSequence.words(of: person.name).map { String(decoding: $0, as: UTF8.self).lowercased() })
                .filter { $0.count > 2 }
            let usable = person.aliases.filter { alias in
                WordSequence.words(of: alias).contains { nameWords.contains(String(decoding: $0, as: UTF8.self).lowercased()) }
            }
            if let i = index[person.id] {
                merged[i].name = person.name
                var aliases = merged[i].aliases
                for a in usable where !aliases.contains(where: { $0.caseInsensitiveCompare(a) == .orderedSame }) {
                    aliases.append(a)
                }
                merged[i].aliases = aliases
            } else {
                index[person.id] = merged.count
                merged.append(MentionEntity(id: person.id, kind: .person, name: person.name, aliases: usable))
            }
        }
        self.entities = merged
    }

    /// A name folded for comparison: lower case, no accents, letters and digits only, so
    /// "Archibald Clark Kerr", "ARCHIBALD CLARK-KERR" and "Archibald  Clark Kerr" agree.
    static func nameKey(_ name: String) -> String {
        String(name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// The bundled table, merged with `people`.
    public static func bundled(people: PersonTable) throws -> MentionTable {
        guard let url = Bundle.module.url(forResource: "mentions", withExtension: "json", subdirectory: "Resources") else {
            throw EpistolaryError(.environment, "the bundled alias table mentions.json is missing from the build")
        }
        return try load(url, people: people)
    }

    /// Reads a JSON array of `MentionEntity` objects and merges it with `people`.
    public static func load(_ url: URL, people: PersonTable) throws -> MentionTable {
        guard let data = try? Data(contentsOf: url) else {
            throw EpistolaryError(.badData, file: url.path, "cannot read the alias table")
        }
        do {
            return MentionTable(entities: try JSONDecoder().decode([MentionEntity].self, from: data), people: people)
        } catch {
            throw EpistolaryError(.badData, file: url.path, "expected a JSON array of {id, kind (person|place), name, aliases}: \(error)")
        }
    }
}

/// One name found in a body.
public struct Mention: Sendable, Hashable, Codable {
    /// The entity's id.
    public var entity: String
    /// The words as written.
    public var phrase: String
    public var line: Int

    public init(entity: String, phrase: String, line: Int) {
        self.entity = entity
        self.phrase = phrase
        self.line = line
    }
}

/// The alias table compiled into one matcher (a class: shared, not copied, by parallel workers).
final class MentionFinder: Sendable {
    /// Longest alias searched for, in words: a name is a few words, and matching a longer one
    /// (a 100 kB field taken as a name) at every word of every body would cost its length
    /// times the corpus.
    static let maxAliasWords = 16

    private let owners: [Int]
    private let table: MentionTable
    private let matcher: TermMatcher

    init(table: MentionTable) {
        self.table = table
        var owners: [Int] = []
        var compiled: [[LexiconTerm.Item]] = []
        for (e, entity) in table.entities.enumerated() {
            for alias in entity.aliases {
                if case .success(let items) = LexiconTerm(alias).compiled(), items.count <= Self.maxAliasWords {
                    owners.append(e)
                    compiled.append(items)
                }
            }
        }
        self.owners = owners
        matcher = TermMatcher(compiled: compiled)
    }

    /// Names in a body, in text order; where aliases overlap the longest wins.
    /// - Complexity: O(h log h + h·a) for h hits of at most a = `maxAliasWords` words: the words
    ///   already taken are marked, so a hit is checked against its own words, not against every
    ///   hit kept (which was quadratic in a body of one long line of names).
    func mentions(_ words: WordSequence) -> [Mention] {
        let hits = matcher.hits(in: words).filter { words.isCapitalised($0.first) }
        guard !hits.isEmpty else { return [] }
        let byLength = hits.sorted { a, b in
            a.last - a.first != b.last - b.first ? a.last - a.first > b.last - b.first : a.first < b.first
        }
        var kept: [TermMatcher.Hit] = []
        var taken = [Bool](repeating: false, count: (hits.map(\.last).max() ?? 0) + 1)
        for hit in byLength where !taken[hit.first...hit.last].contains(true) {
            kept.append(hit)
            for k in hit.first...hit.last { taken[k] = true }
        }
        return kept.sorted { $0.first < $1.first }.map {
            Mention(entity: table.entities[owners[$0.term]].id, phrase: words.text(from: $0.first, through: $0.last),
                    line: words.line($0.first))
        }
    }
}
