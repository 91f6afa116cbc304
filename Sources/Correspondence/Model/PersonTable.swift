import Foundation

/// The person authority table: ids, names, roles, aliases and authority ids, read from a
/// data file (`Resources/people.json`), never from code. Readers resolve the text's
/// forms of a name ("F. ROOSEVELT", "THE PRESIDENT, Mr F. D. ROOSEVELT") through it.
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

    /// Display name for an id, falling back to the id itself.
    public func name(of id: String) -> String { self[id]?.name ?? id }

    /// The name as a figure shows it: `name(of:)` cut past `DisplayText.maxNameLength`.
    public func displayName(of id: String) -> String { DisplayText.bounded(name(of: id)) }

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
        do {
            return PersonTable(people: try JSONDecoder().decode([Person].self, from: data))
        } catch {
            throw EpistolaryError(.badData, file: url.path, "expected a JSON array of people (id, name, role, aliases, authorities): \(error)")
        }
    }
}
