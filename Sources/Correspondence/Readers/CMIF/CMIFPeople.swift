/// The CMIF reader's one door to person identity: every persName and orgName goes through
/// `id(for:)`, and the rule is the readers' shared one (`PersonResolver`: one authority URI,
/// else one exact name; placeholders unidentified and never merged). The table given is the
/// user's (`--people`), never the bundled corpus's.
struct CMIFPeople {
    private var resolver: PersonResolver

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
        return resolver.resolve(Self.mention(name))
    }

    private static func mention(_ name: CMIFRecord.Name) -> PersonMention {
        PersonMention(name: name.text.isEmpty ? nil : name.text, refs: name.ref.map { [$0] } ?? [],
                      kind: name.isOrganisation ? .organisation : .person)
    }
}
