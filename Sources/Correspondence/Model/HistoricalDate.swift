/// How precisely a historical date is known.
public enum DatePrecision: String, Sendable, Codable, CaseIterable {
    case day, month, year
    /// Known only as lying between two bounds (for example, between its neighbours).
    case range
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

/// A date with its uncertainty: bounds, precision and evidence (DESIGN decision 5).
///
/// `notBefore...notAfter` always holds the true date. When the day is known both bounds are
/// equal and `precision == .day`.
public struct HistoricalDate: Sendable, Hashable, Codable {
    public var notBefore: Day
    public var notAfter: Day
    public var precision: DatePrecision
    public var evidence: DateEvidence

    public init(notBefore: Day, notAfter: Day, precision: DatePrecision, evidence: DateEvidence) {
        self.notBefore = min(notBefore, notAfter)
        self.notAfter = max(notBefore, notAfter)
        self.precision = precision
        self.evidence = evidence
    }

    /// A date known to the day.
    public init(exactly day: Day, evidence: DateEvidence) {
        self.init(notBefore: day, notAfter: day, precision: .day, evidence: evidence)
    }

    /// True when the day itself is known.
    public var isExact: Bool { notBefore == notAfter }

    /// The single day to sort and place the message by: the day itself when known,
    /// otherwise the middle of the bounds.
    public var best: Day {
        isExact ? notBefore : Day(ordinal: (notBefore.ordinal + notAfter.ordinal) / 2)
    }

    /// Width of the uncertainty in days (0 when exact).
    public var spanDays: Int { notBefore.days(to: notAfter) }
}
