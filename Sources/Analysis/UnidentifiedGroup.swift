import Correspondence

/// What figures drew as one "unidentified" person: how many unidentified people (placeholders
/// such as "Unbekannt" or "N.N.", or a letter with no name, each a person of its own in the
/// corpus and in every export) and how many letters they take part in. Captions and legends say it.
public struct UnidentifiedGroup: Sendable, Hashable {
    /// The id figures draw the group under; not an id any reader makes (it has spaces).
    public static let id = Person.unidentifiedGroupID

    /// Unidentified people merged into the group.
    public var people: Int
    /// Letters at least one of them writes or receives.
    public var letters: Int

    public init(people: Int, letters: Int) {
        self.people = people
        self.letters = letters
    }

    /// The group's label in figures: "unidentified (12 letters)".
    public var label: String { Self.labelStem + "\(letters) letter\(letters == 1 ? "" : "s"))" }

    /// How every group label starts, so a figure that wraps the label can still be checked for it.
    public static let labelStem = "unidentified ("

    /// One sentence for captions and legends.
    public var sentence: String {
        "The \(people) unidentified \(people == 1 ? "person" : "people") (placeholders such as “N.N.” or a missing name; "
            + "kept apart in exports) are drawn as one, “\(label)”."
    }
}
