import Correspondence

/// An event marked on a timeline as a band (a span of days) or a line (one day), from the
/// events data file.
public struct HistoricalEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case conference, military, political

        /// The default priority of a kind: the meetings first, then battles, then the rest.
        var defaultPriority: Int {
            switch self {
            case .conference: return 3
            case .military: return 2
            case .political: return 1
            }
        }
    }

    public var id: String
    /// The short text printed on the figure.
    public var label: String
    /// The full name, for captions.
    public var name: String
    public var start: Day
    public var end: Day
    public var kind: Kind
    /// Higher wins a crowded spot.
    public var priority: Int

    public init(id: String, label: String, name: String, start: Day, end: Day, kind: Kind, priority: Int? = nil) {
        self.id = id
        self.label = label
        self.name = name
        self.start = min(start, end)
        self.end = max(start, end)
        self.kind = kind
        self.priority = priority ?? kind.defaultPriority
    }

    /// True when the event touches `from...to`.
    public func overlaps(from: Day, to: Day) -> Bool { start <= to && end >= from }
}
