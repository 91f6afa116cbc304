/// A note the source itself gives about a letter (a TEI `note` inside a CMIF `correspDesc`),
/// kept as the source wrote it so that an export can give it back. Distinct from
/// `Message.notes`, which holds what the reader noticed: those are Epistolary's diagnostics
/// and are never written into an export as if the source had said them.
public struct SourceNote: Sendable, Hashable, Codable {
    /// Where the note stood in its `correspDesc`.
    public enum Anchor: Sendable, Hashable, Codable {
        /// Directly in the `correspDesc`: about the letter as a whole.
        case letter
        /// In a `correspAction` of this type (lower-cased: `sent`, `received`, `forwarded`...).
        case action(String)
        /// In the `correspContext`.
        case context
    }

    /// The text, white space folded; markup inside the note (a `persName`, a `ref`) is kept as
    /// its text only.
    public var text: String
    /// The note's `@type`, as written.
    public var type: String?
    public var anchor: Anchor

    public init(text: String, type: String? = nil, anchor: Anchor = .letter) {
        self.text = text
        self.type = type
        self.anchor = anchor
    }
}
