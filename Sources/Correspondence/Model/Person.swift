/// A correspondent or a person named in the corpus, from the person table (a data file).
public struct Person: Sendable, Hashable, Codable {
    /// Short stable key used everywhere in the model and in ids ("Stalin", "Churchill").
    public var id: String
    /// Full display name ("Winston Churchill").
    public var name: String
    /// Office held during the correspondence ("Prime Minister of the United Kingdom").
    public var role: String
    /// Forms the text uses for this person; matched case-insensitively by the readers.
    public var aliases: [String]
    /// Authority records, e.g. ["wikidata": "Q8016", "viaf": "..."], for CMIF and GEXF.
    public var authorities: [String: String]

    public init(id: String, name: String, role: String, aliases: [String] = [], authorities: [String: String] = [:]) {
        self.id = id
        self.name = name
        self.role = role
        self.aliases = aliases
        self.authorities = authorities
    }

    /// The preferred authority URI (Wikidata first, then VIAF, GND), if any.
    public var authorityURI: String? {
        if let q = authorities["wikidata"] { return "http://www.wikidata.org/entity/\(q)" }
        if let v = authorities["viaf"] { return "http://viaf.org/viaf/\(v)" }
        if let g = authorities["gnd"] { return "http://d-nb.info/gnd/\(g)" }
        return nil
    }
}
