/// Whether an entry has a header of its own.
public enum MessageKind: String, Sendable, Codable {
    /// A message with its own header.
    case message
    /// Orphan text with no header (for example a page printed out of order).
    case fragment
}

/// One telegram or letter as read from the source, with every field traceable to its lines.
public struct Message: Sendable, Hashable, Codable, Identifiable {
    /// Stable, readable id: `1942-07-23-stalin-churchill`, with `-b`, `-c`... when two collide.
    public var id: String
    public var kind: MessageKind
    /// Person id of the writer: the first of `senders`.
    public var sender: String {
        didSet { if senders.first != sender { senders = [sender] + senders.dropFirst() } }
    }
    /// Person ids of every writer, in source order (co-senders after the first).
    public var senders: [String]
    /// Person ids of the addressees, in header order.
    public var recipients: [String]
    /// What else happened to the letter besides its writing: TEI `correspAction`s of types other
    /// than `sent` (transmitted, forwarded, redirected, delivered...), and the `received` action
    /// when it carries a date or a place. In source order.
    public var actions: [CorrespAction] {
        @inlinable get { extras?.value.actions ?? [] }
        set { changeExtras { $0.actions = newValue } }
    }
    /// The letter's own identifier in its source (CMIF `xml:id`, or `@key` when unique), kept as written.
    public var sourceID: String? {
        @inlinable get { extras?.value.sourceID }
        set { changeExtras { $0.sourceID = newValue } }
    }
    /// Where the letter is published (CMIF `correspDesc/@ref`), kept as written.
    public var url: String? {
        @inlinable get { extras?.value.url }
        set { changeExtras { $0.url = newValue } }
    }
    /// The edition the letter comes from (CMIF `correspDesc/@source`: a `#bibl` id of the header).
    public var edition: String? {
        @inlinable get { extras?.value.edition }
        set { changeExtras { $0.edition = newValue } }
    }
    /// Authority URIs of the place of writing (`placeName/@ref`), kept as written, space-separated.
    public var placeRef: String? {
        @inlinable get { extras?.value.placeRef }
        set { changeExtras { $0.placeRef = newValue } }
    }
    /// The day of a "Sent on" line, if the message has one.
    public var sentOn: Day?
    /// The day of the message's own date line, if it has one.
    public var dated: Day?
    /// The best knowledge of the date, with bounds and evidence (always present).
    public var date: HistoricalDate
    /// Place written on the date line ("Berlin"), if any.
    public var place: String?
    /// Lower-case classification ("personal and secret"), "" when none.
    public var classification: String
    /// Salutation line ("My dear Mr Roosevelt,"), kept apart from the text.
    public var salutation: String?
    /// Closing and signature lines ("Yours very sincerely, J. STALIN").
    public var signature: String?
    /// Address lines after the header ("The White House, Washington").
    public var address: String?
    /// The text: hyphenation at page breaks rejoined, footnote markers and markdown removed,
    /// paragraphs separated by a blank line.
    public var body: String
    public var references: [Reference]
    /// Where the entry lies in the source.
    public var span: SourceSpan
    /// The source line each field was read from ("sender", "recipients", "sent_on", "dated",
    /// "classification", "place", "body"), for `explain` (`FieldLines`: read like a dictionary).
    public var fieldLines: FieldLines
    /// What the reader noticed (a duplicate of another entry, a displaced date...): Epistolary's
    /// diagnostics, never written into an export as the source's words.
    public var notes: [String]
    /// The notes the source gives about the letter (CMIF `note`), kept to be written back.
    public var sourceNotes: [SourceNote] {
        @inlinable get { extras?.value.sourceNotes ?? [] }
        set { changeExtras { $0.sourceNotes = newValue } }
    }
    /// For a fragment printed away from its message (a displaced page): the id of the message
    /// whose text it continues, when the reader found it. The two are one letter, so what is
    /// judged from the text as a whole (its topics) is judged on both.
    public var continues: String? {
        @inlinable get { extras?.value.continues }
        set { changeExtras { $0.continues = newValue } }
    }

    /// The fields most letters leave empty (a catalogue's ids, URL, edition, place authority,
    /// further actions and notes; a displaced page's message), held out of line and only when
    /// one is set: inline they were 96 of the 408 bytes of every message, 59 MB at 612,595
    /// telegrams that have none of them.
    /// Read by the inlined getters above (`@usableFromInline`): a field is then read from the
    /// box where it is, and a pass over many messages copies none of them to read it.
    @usableFromInline var extras: MessageExtras.Box?

    /// The out-of-line fields, empty ones when none is set.
    private var extrasValue: MessageExtras { extras?.value ?? MessageExtras() }

    private mutating func changeExtras(_ change: (inout MessageExtras) -> Void) {
        var value = extrasValue
        change(&value)
        extras = value.boxed
    }

    /// - Parameter senders: every writer in order; `[sender]` when nil. Its first must be `sender`.
    public init(id: String, kind: MessageKind, sender: String, senders: [String]? = nil, recipients: [String],
                sentOn: Day?, dated: Day?, date: HistoricalDate, place: String?,
                classification: String, salutation: String? = nil, signature: String? = nil,
                address: String? = nil, body: String, references: [Reference],
                span: SourceSpan, fieldLines: [String: Int] = [:], notes: [String] = [],
                actions: [CorrespAction] = [], sourceID: String? = nil, url: String? = nil,
                edition: String? = nil, placeRef: String? = nil, sourceNotes: [SourceNote] = []) {
        self.id = id
        self.kind = kind
        self.sender = sender
        self.senders = senders.map { $0.first == sender ? $0 : [sender] + $0 } ?? [sender]
        self.recipients = recipients
        extras = MessageExtras(actions: actions, sourceID: sourceID, url: url, edition: edition, placeRef: placeRef,
                               sourceNotes: sourceNotes, continues: nil).boxed
        self.sentOn = sentOn
        self.dated = dated
        self.date = date
        self.place = place
        self.classification = classification
        self.salutation = salutation
        self.signature = signature
        self.address = address
        self.body = body
        self.references = references
        self.span = span
        self.fieldLines = FieldLines(fieldLines)
        self.notes = notes
    }
}

extension Message {
    /// Calls `body` once for each person the message involves: its sender, then each addressee
    /// not named before (not the sender, not an earlier addressee), in header order.
    /// Why not a set: it was an allocation per message in every pass that counts people.
    /// - Complexity: O(r²) for r addressees up to 8, O(r) past that.
    @inlinable
    public func forEachInvolved(_ body: (String) -> Void) {
        Message.forEachInvolved(sender: sender, recipients: recipients, body)
    }

    /// `forEachInvolved` from the two fields it reads: a pass over an array of messages hands
    /// it `messages[i].sender` and `messages[i].recipients`, and no message is copied for it.
    @inlinable
    public static func forEachInvolved(sender: String, recipients: [String], _ body: (String) -> Void) {
        body(sender)
        if recipients.count > 8 {
            var counted: Set<String> = [sender]
            for r in recipients where counted.insert(r).inserted { body(r) }
            return
        }
        for k in recipients.indices where recipients[k] != sender && !recipients[..<k].contains(recipients[k]) {
            body(recipients[k])
        }
    }

    /// The letters added to an id that collides with `n` earlier ones: 1 -> "b", 2 -> "c",
    /// ... 25 -> "z", 26 -> "ba".
    public static func idSuffix(_ n: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var n = n
        var out = ""
        repeat { out = String(letters[n % 26]) + out; n /= 26 } while n > 0
        return out
    }

    /// `base`, or the first of `base-b`, `base-c`... that is not in `used`.
    /// - Complexity: O(k) for a base already used k times; use `MessageIDAllocator` to give ids
    ///   to many messages (it remembers where each base's search stopped).
    public static func uniqueID(_ base: String, among used: Set<String>) -> String {
        var id = base, n = 0
        while used.contains(id) {
            n += 1
            id = base + "-" + idSuffix(n)
        }
        return id
    }
}

/// Gives distinct ids by `Message.uniqueID`'s rule (`base`, `base-b`, `base-c`...) to many
/// messages, remembering for each base the next suffix to try: 40,000 messages of one date
/// and pair take linear time, not quadratic.
/// - Complexity: amortised O(1) ids checked per message.
public struct MessageIDAllocator: Sendable {
    public private(set) var used = Set<String>()
    private var next: [String: Int] = [:]

    public init(used: Set<String> = []) {
        self.used = used
    }

    /// The id for `base`, distinct from every id given or noted before.
    public mutating func id(for base: String) -> String {
        var n = next[base] ?? 0
        var id = n == 0 ? base : base + "-" + Message.idSuffix(n)
        while used.contains(id) {
            n += 1
            id = base + "-" + Message.idSuffix(n)
        }
        next[base] = n + 1
        used.insert(id)
        return id
    }

    /// Notes an id given elsewhere, so no later id repeats it.
    public mutating func note(_ id: String) {
        used.insert(id)
    }
}
