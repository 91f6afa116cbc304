/// The CMIF reader's one door to person identity: every persName and orgName goes through
/// `id(for:)`, and the rule itself is the readers' shared one (see `resolve`).
struct CMIFPeople {
    private(set) var table: PersonTable
    private var byKey: [String: String] = [:]
    private var unidentified = 0

    init(table: PersonTable) {
        self.table = table
    }

    /// Sees every name first, so that ids do not depend on the order of the records.
    mutating func prepare(_ records: [CMIFRecord]) {}

    /// The person id of a name; nil (no name at all) is an unidentified person of its own.
    mutating func id(for name: CMIFRecord.Name?) -> String {
        resolve(text: name?.text ?? "", ref: name?.ref, organisation: name?.isOrganisation ?? false)
    }

    /// Interim rule until the shared resolver is on main: one exact `@ref` string, else one
    /// exact name; an empty name without a ref is unidentified and never shared.
    private mutating func resolve(text: String, ref: String?, organisation: Bool) -> String {
        let refs = ref.map { $0.split(whereSeparator: \.isWhitespace).map(String.init) } ?? []
        let key = refs.first.map { "ref:" + $0 } ?? (text.isEmpty ? nil : "name:" + text)
        guard let key else {
            unidentified += 1
            let id = "unidentified-\(unidentified)"
            table.add(Person(id: id, name: "[unnamed]", role: ""))
            return id
        }
        if let known = byKey[key] { return known }
        var id = text.isEmpty ? (refs.first ?? "unnamed") : text
        var n = 2
        let base = id
        while table[id] != nil { id = "\(base)-\(n)"; n += 1 }
        table.add(Person(id: id, name: text.isEmpty ? base : text, role: "", authorities: refs.isEmpty ? [:] : ["uri": refs.joined(separator: " ")]))
        byKey[key] = id
        return id
    }
}
