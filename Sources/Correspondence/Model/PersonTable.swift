import Foundation

/// The person authority table: ids, names, roles, aliases and authority ids, read from a
/// data file, never from code. The bundled table (`Resources/people.json`) is for the bundled
/// corpus only; a user gives their own with `--people FILE` (same format). Readers resolve
/// the forms of a name ("F. ROOSEVELT", "Weber, Max", a GND URI) through `PersonResolver`,
/// which adds the people the table does not know.
public struct PersonTable: Sendable {
    public private(set) var people: [Person]
    private var byID: [String: Int]

    public init(people: [Person]) {
        self.people = people
        self.byID = Dictionary(people.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public subscript(id: String) -> Person? { byID[id].map { people[$0] } }

    /// Adds a person not in the table (a correspondent of a user's corpus); keeps the first
    /// entry when the id exists.
    public mutating func add(_ person: Person) {
        guard byID[person.id] == nil else { return }
        byID[person.id] = people.count
        people.append(person)
    }

    /// Changes the person with this id in place (a resolver adding a ref or a written form).
    public mutating func update(_ id: String, _ change: (inout Person) -> Void) {
        guard let index = byID[id] else { return }
        change(&people[index])
        precondition(people[index].id == id, "a person's id cannot change")
    }

    /// Display name for an id, falling back to the id itself.
    /// - Complexity: one lookup by id; the name is read in place, the person not copied.
    public func name(of id: String) -> String { byID[id].map { people[$0].name } ?? id }

    /// The name as a figure shows it: `name(of:)` cut past `DisplayText.maxNameLength`.
    public func displayName(of id: String) -> String { DisplayText.bounded(name(of: id)) }

    /// A table with nobody in it: what a user's corpus starts from without `--people`.
    public static let empty = PersonTable(people: [])

    /// People shown under the same name but kept apart (different authority ids, or one with
    /// an id and one without), each group in table order, groups by name: `report` lists
    /// them so that a user can merge them with `--people` if they are one person.
    /// Unidentified placeholders are left out (each is apart by rule).
    /// - Complexity: O(n) in the number of people.
    public func homonyms() -> [[Person]] {
        var groups: [String: [Person]] = [:]
        var order: [String] = []
        for person in people where !person.unidentified {
            let key = PersonName.comparable(person.name) + "\u{0}" + person.kind.rawValue
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(person)
        }
        return order.sorted().compactMap { groups[$0]!.count > 1 ? groups[$0] : nil }
    }

    /// The bundled table of the war telegrams' correspondents and the people they name.
    public static func bundled() throws -> PersonTable {
        guard let url = Bundle.module.url(forResource: "people", withExtension: "json", subdirectory: "Resources") else {
            throw EpistolaryError(.environment, "the bundled person table people.json is missing from the build")
        }
        return try load(url)
    }

    /// Loads a table from a JSON array of `Person` objects.
    public static func load(_ url: URL) throws -> PersonTable {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw EpistolaryError(.badData, file: url.path, "cannot read the person table")
        }
        let people: [Person]
        do {
            people = try JSONDecoder().decode([Person].self, from: data)
        } catch {
            throw EpistolaryError(.badData, file: url.path, "expected a JSON array of people (id, name; optional role, aliases, authorities, refs, kind, short): \(describe(error))")
        }
        var seen = Set<String>()
        for (n, person) in people.enumerated() {
            guard !person.id.isEmpty, !person.name.isEmpty else {
                throw EpistolaryError(.badData, file: url.path, "person \(n + 1) of the table: expected a non-empty id and name")
            }
            guard seen.insert(person.id).inserted else {
                throw EpistolaryError(.badData, file: url.path, "person \(n + 1) of the table: the id \"\(person.id)\" is used twice")
            }
        }
        return PersonTable(people: people)
    }

    /// A decoding error in words: which entry and key.
    private static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "person \($0 + 1)" } ?? $0.stringValue }.joined(separator: ", ")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath)): missing \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return (context.codingPath.isEmpty ? "" : path(context.codingPath) + ": ") + context.debugDescription
        @unknown default: return String(describing: error)
        }
    }
}
