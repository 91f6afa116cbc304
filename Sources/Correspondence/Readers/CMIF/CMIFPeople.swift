/// The CMIF reader's one door to person identity: every persName and orgName goes through it,
/// and the rule is the readers' shared one (`PersonResolver`: one authority URI, else one exact
/// name; placeholders unidentified and never merged). The table given is the user's
/// (`--people`), never the bundled corpus's.
///
/// Names are noted while the file is walked and resolved once it has been read whole, so that
/// ids and shown names do not depend on the order of the records. A name is noted as a
/// `Mention` number: the same name, refs and kind written in many letters is held once, with
/// how often it was written.
struct CMIFPeople {
    /// A noted name: an index into the distinct mentions, or `CMIFPeople.noName`.
    typealias Mention = Int32
    /// No name at all (a letter without sender or addressee): an unidentified person of its own.
    static let noName: Mention = -1

    private var resolver: PersonResolver
    /// The distinct mentions noted, with how often each was written.
    private var mentions: [(key: Key, count: Int)] = []
    private var mentionIndex: [Key: Mention] = [:]
    /// Ids of mentions already resolved to an identified person: the resolver is asked once per
    /// distinct mention.
    private var known: [Mention: String] = [:]

    private struct Key: Hashable {
        var text: String
        var ref: String?
        var organisation: Bool
    }

    init(table: PersonTable) {
        resolver = PersonResolver(table: table)
    }

    var table: PersonTable { resolver.table }

    /// Notes a name written in the file (its line is not kept: the message keeps the lines it needs).
    mutating func note(_ name: CMIFRecord.Name) -> Mention {
        let key = Key(text: name.text, ref: name.ref, organisation: name.isOrganisation)
        if let index = mentionIndex[key] {
            mentions[Int(index)].count += 1
            return index
        }
        let index = Mention(mentions.count)
        mentions.append((key, 1))
        mentionIndex[key] = index
        return index
    }

    /// Sees every noted name at once (each as often as it was written), so that ids and shown
    /// names do not depend on the order of the records. Call once, after the last `note`.
    /// - Complexity: O(d log d) in the d distinct mentions.
    mutating func prepare() {
        mentionIndex = [:]
        resolver.prepare(weighted: mentions.lazy.map { (Self.mention($0.key), $0.count) })
    }

    /// The person id of a noted name; `noName` is an unidentified person of its own.
    mutating func id(for index: Mention) -> String {
        guard index >= 0 else { return resolver.resolve(name: nil) }
        if let id = known[index] { return id }
        let id = resolver.resolve(Self.mention(mentions[Int(index)].key))
        // Placeholders are a new person at each mention: never remembered.
        if resolver.table[id]?.unidentified != true { known[index] = id }
        return id
    }

    private static func mention(_ key: Key) -> PersonMention {
        PersonMention(name: key.text.isEmpty ? nil : key.text, refs: key.ref.map { [$0] } ?? [],
                      kind: key.organisation ? .organisation : .person)
    }
}
