/// What a CMIF file says about itself (`teiHeader/fileDesc`), kept so an export can carry it
/// on: title, editors, publisher, idno, licence, publication date and the editions (`bibl`) its
/// letters cite. Text is kept as written (whitespace runs folded to one space).
public struct CorpusHeader: Sendable, Hashable, Codable {
    /// One `editor`: its name and, when given, its e-mail address.
    public struct Editor: Sendable, Hashable, Codable {
        public var name: String
        public var email: String?
        public init(name: String, email: String? = nil) {
            self.name = name
            self.email = email
        }
    }

    /// One `bibl` of the `sourceDesc`: the edition letters point to with `correspDesc/@source`.
    public struct Bibl: Sendable, Hashable, Codable {
        /// `xml:id`, the target of `@source="#id"`.
        public var id: String?
        /// `@type` ("print", "online", "hybrid").
        public var type: String?
        /// The text of the citation.
        public var text: String
        /// A `ref/@target` inside the bibl (the edition's URL), when given.
        public var target: String?
        public init(id: String?, type: String?, text: String, target: String? = nil) {
            self.id = id
            self.type = type
            self.text = text
            self.target = target
        }
    }

    public var title: String?
    public var editors: [Editor]
    public var publisher: String?
    /// `publicationStmt/idno` (usually the file's own URL).
    public var idno: String?
    /// `publicationStmt/date/@when`.
    public var published: String?
    /// The licence's text.
    public var licence: String?
    /// The licence's `@target` (its URL).
    public var licenceTarget: String?
    public var bibls: [Bibl]

    public init(title: String? = nil, editors: [Editor] = [], publisher: String? = nil, idno: String? = nil,
                published: String? = nil, licence: String? = nil, licenceTarget: String? = nil, bibls: [Bibl] = []) {
        self.title = title
        self.editors = editors
        self.publisher = publisher
        self.idno = idno
        self.published = published
        self.licence = licence
        self.licenceTarget = licenceTarget
        self.bibls = bibls
    }
}
