/// The two bounds of a date and what placing it in time reads from them: whether it is dated,
/// exact or open, the day it is placed at, the days it is drawn across. `HistoricalDate`
/// answers these through its bounds; a figure that holds many dates only to place them (a
/// timeline's entries) keeps the bounds alone: 16 bytes, against a `HistoricalDate`'s 64 with
/// its wording, time and basis.
public struct DateBounds: Sendable, Hashable {
    public var notBefore: Day?
    public var notAfter: Day?

    @inlinable public init(notBefore: Day?, notAfter: Day?) {
        self.notBefore = notBefore
        self.notAfter = notAfter
    }

    /// True when at least one bound is known: the date can be placed in time.
    @inlinable public var isDated: Bool { notBefore != nil || notAfter != nil }

    /// True when the day itself is known.
    @inlinable public var isExact: Bool { notBefore != nil && notBefore == notAfter }

    /// True when exactly one bound is known.
    @inlinable public var isOpen: Bool { (notBefore == nil) != (notAfter == nil) }

    /// The single day to sort and place the date by: the day itself when known, the middle
    /// of two bounds, the one known bound of an open date; nil when undated.
    @inlinable public var best: Day? {
        switch (notBefore, notAfter) {
        case let (a?, b?): return a == b ? a : Day(ordinal: (a.ordinal + b.ordinal) / 2)
        case let (a?, nil): return a
        case let (nil, b?): return b
        case (nil, nil): return nil
        }
    }

    /// Width of the uncertainty in days (0 when exact); nil when a bound is open or undated.
    @inlinable public var spanDays: Int? {
        guard let a = notBefore, let b = notAfter else { return nil }
        return a.days(to: b)
    }

    /// The days a figure draws the date across: both bounds; the one known bound of an open date
    /// (drawn at that bound, never as a range to an invented end); nil when undated.
    @inlinable public var drawnBounds: (notBefore: Day, notAfter: Day)? {
        switch (notBefore, notAfter) {
        case let (a?, b?): return (a, b)
        case let (a?, nil): return (a, a)
        case let (nil, b?): return (b, b)
        case (nil, nil): return nil
        }
    }

    /// Both bounds, when both are known.
    @inlinable public var closedBounds: (notBefore: Day, notAfter: Day)? {
        guard let a = notBefore, let b = notAfter else { return nil }
        return (a, b)
    }
}
