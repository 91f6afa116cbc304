/// One `correspDesc` as the CMIF file writes it, before people are resolved and dates read:
/// plain strings and lines, so that the whole file can be walked once and people resolved
/// together (the same ids whatever the order of the records).
struct CMIFRecord {
    /// A `persName` or `orgName` of an action.
    struct Name {
        /// The text, white space folded; "" when the element has only a `@ref`.
        var text: String
        /// `@ref` as written (one or more URIs separated by white space), if any.
        var ref: String?
        var isOrganisation: Bool
        var line: Int
    }

    /// A `placeName` (or `settlement`) of an action.
    struct Place {
        var text: String
        var ref: String?
        var line: Int
    }

    /// A `date` element's attributes.
    struct DateAttributes {
        var when: String?
        var notBefore: String?
        var notAfter: String?
        var from: String?
        var to: String?
        var cert: String?
        var evidence: String?
        var line: Int

        var isEmpty: Bool { when == nil && notBefore == nil && notAfter == nil && from == nil && to == nil }
    }

    /// One `correspAction`.
    struct Action {
        /// `@type` as written; nil when missing.
        var type: String?
        var names: [Name] = []
        var place: Place?
        var date: DateAttributes?
        var line: Int
        /// What the action held beyond the one place and one date the model keeps.
        var extraPlaces = 0
        var extraDates = 0
        /// True for an action CMIF could not hold as a `correspAction` and a CMIF export wrote as
        /// `<note type="correspAction" subtype="TYPE">` (see `CMIFReader.actionNoteType`).
        var fromNote = false
    }

    var xmlID: String?
    var key: String?
    /// `@ref`: the letter's URL.
    var ref: String?
    /// `@source`: the `#id` of the header's `bibl`.
    var source: String?
    var actions: [Action] = []
    /// The `note`s of the letter, its actions and its `correspContext`, in document order.
    var notes: [SourceNote] = []
    var startLine: Int
    var endLine: Int
}
