/// The CMIF reader's one door to person identity: every persName and orgName goes through
/// `id(for:)`, and the rule is the readers' shared one (`PersonResolver`: one authority URI,
/// else one exact name; placeholders unidentified and never merged). The table given is the
/// user's (`--people`), never the bundled corpus's.
struct CMIFPeople {
    private var resolver: PersonResolver
    /// Ids of mentions already resolved to an identified person: the same name and refs give the
    /// same person, so the resolver is asked once per distinct mention.
    private var known: [Key: String] = [:]

    private struct Key: Hashable {
        var text: String
        var ref: String?
        var organisation: Bool
    }

    init(table: PersonTable) {
        resolver = PersonResolver(table: table)
    }

    var table: PersonTable { resolver.table }

    /// Sees every name first, so that ids and shown names do not depend on the order of the records.
    /// - Complexity: O(n log n) in the number of names.
    mutating func prepare(_ records: [CMIFRecord]) {
        resolver.prepare(records.lazy.flatMap { $0.actions.lazy.flatMap { $0.names.lazy.map(Self.mention) } })
    }

    /// The person id of a name; nil (no name at all) is an unidentified person of its own.
    mutating func id(for name: CMIFRecord.Name?) -> String {
        guard let name else { return resolver.resolve(name: nil) }
        let key = Key(text: name.text, ref: name.ref, organisation: name.isOrganisation)
        if let id = known[key] { return id }
        let id = resolver.resolve(Self.mention(name))
        // Placeholders are a new person at each mention: never remembered.
        if resolver.table[id]?.unidentified != true { known[key] = id }
        return id
    }

    private static func mention(_ name: CMIFRecord.Name) -> PersonMention {
        PersonMention(name: name.text.isEmpty ? nil : name.text, refs: name.ref.map { [$0] } ?? [],
                      kind: name.isOrganisation ? .organisation : .person)
    }
}
