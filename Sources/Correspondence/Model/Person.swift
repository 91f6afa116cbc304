/// A correspondent or a person named in the corpus: from a person table (a data file), or
/// made by `PersonResolver` from a name and its authority URIs as a source writes them.
public struct Person: Sendable, Hashable, Codable {
    /// Whether an entry names a person or an organisation (TEI `persName` / `orgName`).
    public enum Kind: String, Sendable, Hashable, Codable {
        case person, organisation
    }

    /// Short stable key used everywhere in the model and in ids ("max-weber-118629743", "jane-doe").
    public var id: String
    /// Full display name ("Winston Churchill"; "Weber, Max" is shown "Max Weber").
    public var name: String
    /// Office held during the correspondence ("Prime Minister of the United Kingdom"), or "".
    public var role: String
    /// Forms the sources use for this person (compared as `PersonName.comparable`; the
    /// telegram reader also matches them word by word).
    public var aliases: [String]
    /// Authority records by authority, e.g. ["wikidata": "Q8016", "gnd": "...", "viaf": "..."]
    /// (the person table's form). `uri` holds other URIs, separated by spaces.
    public var authorities: [String: String]
    /// Authority URIs exactly as the source wrote them, in the order first seen. Exports write
    /// these byte for byte; they are compared through `AuthorityKey`.
    public var refs: [String]
    public var kind: Kind
    /// A placeholder for someone unknown ("Unbekannt", "N.N.", "[?]"): each occurrence is a
    /// person of its own, never one hub; figures may group them or leave them out.
    public var unidentified: Bool

    /// The name of the unidentified person a reader makes for a letter whose source names
    /// nobody (no name, no ref): a stand-in of Epistolary's, which exports do not write as a name.
    public static let unnamed = "[unnamed]"

    /// The id figures draw every unidentified person under when they group them as one
    /// (`UnidentifiedGroup` in Analysis); not an id any reader makes (it has spaces). Here, so
    /// that the styling, below the analysis, can give the group its own look.
    public static let unidentifiedGroupID = "unidentified (grouped)"

    /// True for the stand-in of a person the source does not name at all (`unnamed`).
    public var isUnnamed: Bool { unidentified && name == Self.unnamed }
    /// The short form figures use where space is short ("Weber" for "Weber, Max"); nil
    /// means the rule of `PersonName.labels`.
    public var short: String?

    public init(id: String, name: String, role: String = "", aliases: [String] = [], authorities: [String: String] = [:],
                refs: [String], kind: Kind = .person, unidentified: Bool = false, short: String? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.aliases = aliases
        self.authorities = authorities
        self.refs = refs
        self.kind = kind
        self.unidentified = unidentified
        self.short = short
    }

    /// The person-table form (kept as its own initialiser for callers built against it).
    public init(id: String, name: String, role: String, aliases: [String] = [], authorities: [String: String] = [:]) {
        self.init(id: id, name: name, role: role, aliases: aliases, authorities: authorities, refs: [])
    }

    enum CodingKeys: String, CodingKey {
        case id, name, role, aliases, authorities, refs, kind, unidentified, short
    }

    /// Reads the person-table form: `id` and `name` are required, everything else optional.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        role = try c.decodeIfPresent(String.self, forKey: .role) ?? ""
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        authorities = try c.decodeIfPresent([String: String].self, forKey: .authorities) ?? [:]
        refs = try c.decodeIfPresent([String].self, forKey: .refs) ?? []
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .person
        unidentified = try c.decodeIfPresent(Bool.self, forKey: .unidentified) ?? false
        short = try c.decodeIfPresent(String.self, forKey: .short)
    }

    /// Writes only what is set, so a table read and written again keeps its form.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        if !role.isEmpty { try c.encode(role, forKey: .role) }
        if !aliases.isEmpty { try c.encode(aliases, forKey: .aliases) }
        if !authorities.isEmpty { try c.encode(authorities, forKey: .authorities) }
        if !refs.isEmpty { try c.encode(refs, forKey: .refs) }
        if kind != .person { try c.encode(kind, forKey: .kind) }
        if unidentified { try c.encode(unidentified, forKey: .unidentified) }
        try c.encodeIfPresent(short, forKey: .short)
    }

    /// The short label: `short` when set, otherwise the rule of `PersonName.labels` applied to
    /// the display name (the last word of a person's name; an organisation's whole name).
    public var shortLabel: String {
        if let short { return short }
        return PersonName.labels(name, kind: kind, unidentified: unidentified).short
    }

    /// Every authority URI of the person: `refs` as written, then the table's `authorities`
    /// (Wikidata, VIAF, GND as URIs, then `uri`) that no ref already names.
    public var authorityURIs: [String] {
        var uris = refs
        var keys = Set(refs.compactMap(AuthorityKey.init))
        var fromTable: [String] = []
        if let q = authorities["wikidata"] { fromTable.append("http://www.wikidata.org/entity/\(q)") }
        if let v = authorities["viaf"] { fromTable.append("http://viaf.org/viaf/\(v)") }
        if let g = authorities["gnd"] { fromTable.append("http://d-nb.info/gnd/\(g)") }
        if let u = authorities["uri"] { fromTable += u.split(separator: " ").map(String.init) }
        for uri in fromTable {
            guard let key = AuthorityKey(uri), !keys.contains(key) else { continue }
            keys.insert(key)
            uris.append(uri)
        }
        return uris.filter { !$0.isEmpty && !$0.contains(where: \.isWhitespace) }
    }

    /// The preferred authority URI: the first ref as written, else Wikidata, VIAF, GND from the table.
    public var authorityURI: String? { authorityURIs.first }
}
