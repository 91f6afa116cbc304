/// The fields of a `Message` that most letters leave empty, kept out of line (`Message` reads
/// and writes them as its own properties): what a catalogue gives (its ids, URL, edition, place
/// authority, further actions and notes) and, for a displaced page, the message it continues.
struct MessageExtras: Sendable, Hashable, Codable {
    var actions: [CorrespAction] = []
    var sourceID: String?
    var url: String?
    var edition: String?
    var placeRef: String?
    var sourceNotes: [SourceNote] = []
    var continues: String?

    /// True when no field is set: the message then holds no box at all.
    var isEmpty: Bool {
        actions.isEmpty && sourceID == nil && url == nil && edition == nil && placeRef == nil && sourceNotes.isEmpty && continues == nil
    }

    /// These fields in a box of their own, or nil when none is set (the message holds no box).
    var boxed: Box? { isEmpty ? nil : Box(self) }

    /// One message's extras on the heap, never changed once made (a change makes a new box),
    /// so copies of a message share it safely. Equal and hashed by value, as the fields are.
    final class Box: Sendable, Hashable, Codable {
        let value: MessageExtras

        init(_ value: MessageExtras) { self.value = value }

        static func == (a: Box, b: Box) -> Bool { a === b || a.value == b.value }
        func hash(into hasher: inout Hasher) { hasher.combine(value) }

        init(from decoder: Decoder) throws { value = try MessageExtras(from: decoder) }
        func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
    }
}
