/// How precisely a historical date is known.
public enum DatePrecision: String, Sendable, Codable, CaseIterable {
    case day, month, year
    /// Known only as lying between two bounds (for example, between its neighbours), or
    /// bounded on one side only.
    case range
    /// Not dated at all (no date in the source, or one that names no real day).
    case undated
}

/// Where a date comes from. Every figure and export can say why a message sits where it does.
public enum DateEvidence: String, Sendable, Codable, CaseIterable {
    /// A "Sent on D" line standing before the header.
    case sentOn = "sent_on"
    /// A plain date line after the body (or, exceptionally, fused to or before the header).
    case dateLine = "date_line"
    /// No date of its own: bounded by the nearest dated messages around it in the source.
    case neighbours
    /// An incoming message known only because another message cites its date.
    case citation
    /// Given by a structured source (a CSV column, a CMIF `date` element).
    case given
}

/// How sure the source is of a date: EDTF's qualifiers (`?` uncertain, `~` approximate, `%`
/// both) and TEI's `@cert` (high, medium, low, unknown). `certain` when the source says nothing.
public enum DateCertainty: String, Sendable, Codable, CaseIterable {
    case certain
    /// EDTF `?`.
    case uncertain
    /// EDTF `~`.
    case approximate
    /// EDTF `%`.
    case uncertainApproximate = "uncertain_approximate"
    /// TEI `@cert="high"`.
    case high
    /// TEI `@cert="medium"`.
    case medium
    /// TEI `@cert="low"`.
    case low
    /// TEI `@cert="unknown"`.
    case unknown
}

/// Whether a bound was read from the source or worked out by the reader (a neighbour's date,
/// a citation's window).
public enum BoundOrigin: String, Sendable, Codable, CaseIterable {
    case source
    case inferred
}

/// A date with its uncertainty: bounds, precision, certainty and evidence (DESIGN decision 5).
///
/// `notBefore...notAfter` always holds the true date. A bound the source leaves open stays nil
/// (never closed with a guess); a message with neither bound is undated, and `raw` keeps what
/// the source wrote. When the day is known both bounds are equal and `precision == .day`.
public struct HistoricalDate: Sendable, Hashable, Codable {
    /// Earliest possible day; nil when open (or undated).
    public var notBefore: Day?
    /// Latest possible day; nil when open (or undated).
    public var notAfter: Day?
    public var precision: DatePrecision
    public var evidence: DateEvidence
    public var certainty: DateCertainty
    /// Where `notBefore` came from.
    public var notBeforeOrigin: BoundOrigin
    /// Where `notAfter` came from.
    public var notAfterOrigin: BoundOrigin
    /// The time of day of an xs:dateTime ("10:30:00", with its zone when given), kept as written.
    public var time: String?
    /// The source's own text, when it was a structured value (kept for undated and impossible dates,
    /// and for re-export).
    public var raw: String?
    /// How the source says the date was established (TEI `@evidence`: internal, external, conjecture).
    public var basis: String?

    /// A date with both bounds known (telegram dates, citation windows).
    public init(notBefore: Day, notAfter: Day, precision: DatePrecision, evidence: DateEvidence,
                certainty: DateCertainty = .certain) {
        let inferred: BoundOrigin = evidence == .neighbours || evidence == .citation ? .inferred : .source
        self.init(bounds: min(notBefore, notAfter), max(notBefore, notAfter), precision: precision, evidence: evidence,
                  certainty: certainty, origins: (inferred, inferred))
    }

    /// A date whose bounds may each be open (nil). Bounds given in the wrong order are swapped.
    public init(bounds lower: Day?, _ upper: Day?, precision: DatePrecision, evidence: DateEvidence,
                certainty: DateCertainty = .certain, origins: (BoundOrigin, BoundOrigin) = (.source, .source),
                time: String? = nil, raw: String? = nil) {
        if let lower, let upper, upper < lower {
            notBefore = upper
            notAfter = lower
        } else {
            notBefore = lower
            notAfter = upper
        }
        self.precision = lower == nil && upper == nil ? .undated : precision
        self.evidence = evidence
        self.certainty = certainty
        notBeforeOrigin = origins.0
        notAfterOrigin = origins.1
        self.time = time
        self.raw = raw
    }

    /// A date known to the day.
    public init(exactly day: Day, evidence: DateEvidence) {
        self.init(notBefore: day, notAfter: day, precision: .day, evidence: evidence)
    }

    /// No date: the source gives none, or one that names no real day (`raw` keeps it).
    public static func undated(raw: String?, evidence: DateEvidence = .given) -> HistoricalDate {
        HistoricalDate(bounds: nil, nil, precision: .undated, evidence: evidence, raw: raw)
    }

    /// The date's two bounds alone (`DateBounds`): what placing it in time reads.
    @inlinable public var bounds: DateBounds { DateBounds(notBefore: notBefore, notAfter: notAfter) }

    /// True when at least one bound is known: the message can be placed in time.
    @inlinable public var isDated: Bool { bounds.isDated }

    /// True when the day itself is known.
    @inlinable public var isExact: Bool { bounds.isExact }

    /// True when exactly one bound is known.
    @inlinable public var isOpen: Bool { bounds.isOpen }

    /// The single day to sort and place the message by (`DateBounds.best`).
    @inlinable public var best: Day? { bounds.best }

    /// Width of the uncertainty in days (0 when exact); nil when a bound is open or undated.
    @inlinable public var spanDays: Int? { bounds.spanDays }

    /// The days a figure draws the date across (`DateBounds.drawnBounds`).
    @inlinable public var drawnBounds: (notBefore: Day, notAfter: Day)? { bounds.drawnBounds }

    /// Both bounds, when both are known.
    @inlinable public var closedBounds: (notBefore: Day, notAfter: Day)? { bounds.closedBounds }
}
