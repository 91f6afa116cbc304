/// The fields of a `Message` that most letters leave empty, kept out of line (`Message` reads
/// and writes them as its own properties): what a catalogue gives (its ids, URL, edition, place
/// authority, further actions and notes) and, for a displaced page, the message it continues.
@usableFromInline
struct MessageExtras: Sendable, Hashable, Codable {
    @usableFromInline var actions: [CorrespAction] = []
    @usableFromInline var sourceID: String?
    @usableFromInline var url: String?
    @usableFromInline var edition: String?
    @usableFromInline var placeRef: String?
    @usableFromInline var sourceNotes: [SourceNote] = []
    @usableFromInline var continues: String?

    /// True when no field is set: the message then holds no box at all.
    var isEmpty: Bool {
        actions.isEmpty && sourceID == nil && url == nil && edition == nil && placeRef == nil && sourceNotes.isEmpty && continues == nil
    }

    /// These fields in a box of their own, or nil when none is set (the message holds no box).
    var boxed: Box? { isEmpty ? nil : Box(self) }

    /// One message's extras on the heap, never changed once made (a change makes a new box),
    /// so copies of a message share it safely. Equal and hashed by value, as the fields are.
    @usableFromInline
    final class Box: Sendable, Hashable, Codable {
        @usableFromInline let value: MessageExtras

        init(_ value: MessageExtras) { self.value = value }

        @usableFromInline static func == (a: Box, b: Box) -> Bool { a === b || a.value == b.value }
        @usableFromInline func hash(into hasher: inout Hasher) { hasher.combine(value) }

        @usableFromInline init(from decoder: Decoder) throws { value = try MessageExtras(from: decoder) }
        @usableFromInline func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
    }
}
