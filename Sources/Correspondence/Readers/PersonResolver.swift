/// One mention of a person in a source: the name as written (if any), its authority URIs
/// (any, as written) and whether it names a person or an organisation.
public struct PersonMention: Sendable, Hashable {
    public var name: String?
    public var refs: [String]
    public var kind: Person.Kind

    /// `refs` may hold several URIs in one string separated by white space (a TEI `@ref`).
    public init(name: String?, refs: [String] = [], kind: Person.Kind = .person) {
        self.name = name
        self.refs = refs.flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
        self.kind = kind
    }
}

/// The one identity rule of the readers (telegram, CSV, CMIF): turns a mention into a person
/// id, adding people the table does not know.
///
/// - A person is one authority URI. URIs are compared through `AuthorityKey` (scheme,
///   `www.`, trailing slash and the usual GND, VIAF and Wikidata spellings do not matter);
///   the URIs are kept as written. URIs given together in one mention are one person.
/// - Without a URI, a person is one exact name as `PersonName.comparable` makes it (NFC,
///   case and white space folded); a name is never matched by prefix or by the order of the
///   source ("Weber", "Weber Max" and "Weber Alfred" are three people). A mention with a URI
///   never joins a name-only person or the reverse, so the same name with two GND ids, or
///   with one and none, is kept apart and listed by `PersonTable.homonyms`.
/// - The table's people (the bundled table for the bundled corpus, or the user's
///   `--people` file) are found by their authority ids and by their name, id and aliases.
/// - A placeholder (`PersonName.isPlaceholder`: "Unbekannt", "N.N.", "[?]"...) with no URI is
///   a new unidentified person at each mention.
/// - Organisations and persons of the same name are different entries.
///
/// New ids are `Slug.make` of the shown name, plus the record's own id for a person with a
/// URI (`max-weber-118629743`); `unidentified-1`, `-2`... for placeholders. A reader that
/// calls `prepare` with all its mentions first gets the same people, ids and names whatever
/// the order of its records.
public struct PersonResolver: Sendable {
    public private(set) var table: PersonTable
    private var byAuthority: [AuthorityKey: String] = [:]
    private var byName: [String: String] = [:]
    private var writtenForms = Set<String>()
    private var keyOfRef: [String: AuthorityKey] = [:]
    private var unidentifiedCount = 0
    /// Each written name read once (`reading(of:)`): a table names the same few people on
    /// thousands of rows, and tidying, the placeholder test and the comparable form (Unicode
    /// decomposition) were most of the time of reading a large CSV.
    private var readings: [String: NameReading] = [:]
    /// Names beyond this many distinct ones are read each time (the cache stays small).
    private static let readingsLimit = 100_000

    /// A written name as the identity rule reads it.
    private struct NameReading: Sendable {
        /// `PersonName.tidy` of the name.
        let tidy: String
        /// `PersonName.isPlaceholder` of the tidied name (false when it is empty).
        let placeholder: Bool
        /// `PersonName.comparable` of the tidied name.
        let comparable: String
    }

    private mutating func reading(of raw: String) -> NameReading {
        if let known = readings[raw] { return known }
        let tidy = PersonName.tidy(raw)
        let made = NameReading(tidy: tidy, placeholder: !tidy.isEmpty && PersonName.isPlaceholder(tidy),
                               comparable: PersonName.comparable(tidy))
        if readings.count < Self.readingsLimit { readings[raw] = made }
        return made
    }

    public init(table: PersonTable) {
        self.table = table
        (byAuthority, byName) = Self.lastSeeded.value(for: table.people) { people in
            var byAuthority: [AuthorityKey: String] = [:], byName: [String: String] = [:]
            for person in people {
                for uri in person.authorityURIs {
                    if let key = AuthorityKey(uri), byAuthority[key] == nil { byAuthority[key] = person.id }
                }
                for form in [person.id, person.name] + person.aliases {
                    let key = Self.nameKey(form, kind: person.kind)
                    if byName[key] == nil { byName[key] = person.id }
                }
            }
            return Seed(byAuthority: byAuthority, byName: byName)
        }.pair
    }

    /// The indexes of a table's own people, made once while the same table is passed again
    /// (`LastMade`): the comparable form of each name is a Unicode decomposition, and it was
    /// most of the time of reading a small text.
    private struct Seed: Sendable {
        var byAuthority: [AuthorityKey: String]
        var byName: [String: String]
        var pair: ([AuthorityKey: String], [String: String]) { (byAuthority, byName) }
    }

    private static let lastSeeded = LastMade<[Person], Seed>()

    /// The person id for a name (optional), its refs (any URIs) and its kind; adds a new person
    /// to `table` when no one matches.
    public mutating func resolve(name: String?, refs: [String] = [], kind: Person.Kind = .person) -> String {
        resolve(PersonMention(name: name, refs: refs, kind: kind))
    }

    public mutating func resolve(_ mention: PersonMention) -> String {
        let read = mention.name.map { reading(of: $0) }
        let written = read?.tidy ?? ""
        let keys = mention.refs.compactMap { key(of: $0) }
        if !keys.isEmpty {
            if let id = keys.first(where: { byAuthority[$0] != nil }).flatMap({ byAuthority[$0] }) {
                attach(refs: mention.refs, name: written, to: id)
                return id
            }
            return create(refs: mention.refs, keys: keys, names: written.isEmpty ? [] : [written], kind: mention.kind)
        }
        guard let read, !written.isEmpty, !read.placeholder else {
            return createUnidentified(written.isEmpty ? Person.unnamed : written, kind: mention.kind)
        }
        let nameKey = Self.nameKey(comparable: read.comparable, kind: mention.kind)
        if let id = byName[nameKey] { return id }
        let id = create(refs: [], keys: [], names: [written], kind: mention.kind)
        byName[nameKey] = id
        return id
    }

    /// Makes the people of all these mentions at once, in an order of their own, so that ids,
    /// names and refs do not depend on the order of the source: URIs that appear together in
    /// any mention are joined first; a person's shown name is the form written most often
    /// (ties: the first in Unicode order). `resolve` then finds them.
    /// - Complexity: O(n log n) in the number of mentions.
    public mutating func prepare(_ mentions: some Sequence<PersonMention>) {
        prepare(weighted: mentions.lazy.map { ($0, 1) })
    }

    /// `prepare` for mentions each written `count` times: a reader that holds each distinct
    /// mention once gets the same people as one that passes every mention.
    /// - Complexity: O(d log d) in the number d of distinct mentions.
    public mutating func prepare(weighted mentions: some Sequence<(PersonMention, Int)>) {
        var parent: [AuthorityKey: AuthorityKey] = [:]
        func find(_ k: AuthorityKey) -> AuthorityKey {
            var root = k
            while let p = parent[root], p != root { root = p }
            var node = k
            while let p = parent[node], p != root { parent[node] = root; node = p }
            return root
        }
        var names: [AuthorityKey: [String: Int]] = [:]
        var written: [AuthorityKey: Set<String>] = [:]
        var kinds: [AuthorityKey: Person.Kind] = [:]
        var nameOnly: [String: (kind: Person.Kind, forms: [String: Int])] = [:]
        for (mention, count) in mentions {
            let keys = mention.refs.compactMap { key(of: $0) }
            let read = mention.name.map { reading(of: $0) }
            let name = read?.tidy ?? ""
            guard let first = keys.first else {
                guard let read, !name.isEmpty, !read.placeholder else { continue }
                let nameKey = Self.nameKey(comparable: read.comparable, kind: mention.kind)
                guard byName[nameKey] == nil else { continue }
                nameOnly[nameKey, default: (mention.kind, [:])].forms[name, default: 0] += count
                continue
            }
            for k in keys where parent[k] == nil { parent[k] = k }
            for k in keys.dropFirst() {
                let a = find(first), b = find(k)
                if a != b { if a < b { parent[b] = a } else { parent[a] = b } }
            }
            if !name.isEmpty { names[first, default: [:]][name, default: 0] += count }
            for ref in mention.refs { written[key(of: ref)!, default: []].insert(ref) }
            if kinds[first] == nil || mention.kind == .person { kinds[first] = mention.kind }
        }
        var components: [AuthorityKey: [AuthorityKey]] = [:]
        for k in parent.keys { components[find(k), default: []].append(k) }
        for root in components.keys.sorted() {
            let keys = components[root]!.sorted()
            var counts: [String: Int] = [:]
            for k in keys { for (form, n) in names[k] ?? [:] { counts[form, default: 0] += n } }
            let refs = keys.flatMap { (written[$0] ?? []).sorted() }
            let kind = keys.compactMap { kinds[$0] }.contains(.person) ? Person.Kind.person : .organisation
            if let id = keys.first(where: { byAuthority[$0] != nil }).flatMap({ byAuthority[$0] }) {
                attach(refs: refs, name: Self.mostWritten(counts) ?? "", to: id)
            } else {
                _ = create(refs: refs, keys: keys, names: Self.ranked(counts), kind: kind)
            }
        }
        for nameKey in nameOnly.keys.sorted() {
            let entry = nameOnly[nameKey]!
            byName[nameKey] = create(refs: [], keys: [], names: Self.ranked(entry.forms), kind: entry.kind)
        }
    }

    // MARK: - Making people

    private mutating func key(of ref: String) -> AuthorityKey? {
        if let known = keyOfRef[ref] { return known }
        guard let key = AuthorityKey(ref) else { return nil }
        keyOfRef[ref] = key
        return key
    }

    /// Adds the refs not yet known (as written) and the written name form to a person.
    private mutating func attach(refs: [String], name: String, to id: String) {
        var newRefs: [String] = []
        for ref in refs {
            guard let k = key(of: ref) else { continue }
            if byAuthority[k] == nil { byAuthority[k] = id }
            // One spelling per authority record: the first seen.
            if byAuthority[k] == id, !writtenForms.contains(id + "\u{0}" + k.value) {
                writtenForms.insert(id + "\u{0}" + k.value)
                newRefs.append(ref)
            }
        }
        let formKey = id + "\u{0}\u{1}" + PersonName.comparable(name)
        let newForm = !name.isEmpty && !writtenForms.contains(formKey)
        guard !newRefs.isEmpty || newForm else { return }
        if newForm { writtenForms.insert(formKey) }
        table.update(id) { person in
            person.refs += newRefs
            if newForm, PersonName.comparable(person.name) != PersonName.comparable(name),
               !person.aliases.contains(where: { PersonName.comparable($0) == PersonName.comparable(name) }) {
                person.aliases.append(name)
            }
        }
    }

    /// A new person: shown by the first of `names` (in the form `PersonName.labels` gives),
    /// with the others as aliases.
    private mutating func create(refs: [String], keys: [AuthorityKey], names: [String], kind: Person.Kind) -> String {
        let written = names.first ?? refs.first ?? ""
        let labels = PersonName.labels(written, kind: kind)
        var base = Slug.make(names.isEmpty ? (keys.first.map(\.value) ?? written) : labels.label)
        if let first = keys.first, !names.isEmpty { base = Slug.make(labels.label + " " + first.localID) }
        let id = freeID(base)
        var aliases: [String] = []
        for form in names where !aliases.contains(form) && form != labels.label { aliases.append(form) }
        var distinctRefs: [String] = []
        var seenKeys = Set<AuthorityKey>()
        for ref in refs { if let k = key(of: ref), seenKeys.insert(k).inserted { distinctRefs.append(ref) } }
        table.add(Person(id: id, name: labels.label, aliases: aliases, refs: distinctRefs, kind: kind,
                         short: labels.short == PersonName.labels(labels.label, kind: kind).short ? nil : labels.short))
        for k in keys where byAuthority[k] == nil { byAuthority[k] = id }
        for k in seenKeys { writtenForms.insert(id + "\u{0}" + k.value) }
        for form in names { writtenForms.insert(id + "\u{0}\u{1}" + PersonName.comparable(form)) }
        return id
    }

    private mutating func createUnidentified(_ written: String, kind: Person.Kind) -> String {
        var id: String
        repeat {
            unidentifiedCount += 1
            id = "unidentified-\(unidentifiedCount)"
        } while table[id] != nil
        table.add(Person(id: id, name: PersonName.tidy(written), refs: [], kind: kind, unidentified: true))
        return id
    }

    private func freeID(_ base: String) -> String {
        if table[base] == nil { return base }
        var n = 2
        while table["\(base)-\(n)"] != nil { n += 1 }
        return "\(base)-\(n)"
    }

    private static func nameKey(_ name: String, kind: Person.Kind) -> String {
        nameKey(comparable: PersonName.comparable(name), kind: kind)
    }

    private static func nameKey(comparable: String, kind: Person.Kind) -> String {
        kind.rawValue + "\u{0}" + comparable
    }

    /// Forms by how often they are written (most first), ties in Unicode order.
    private static func ranked(_ counts: [String: Int]) -> [String] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }

    private static func mostWritten(_ counts: [String: Int]) -> String? { ranked(counts).first }
}
