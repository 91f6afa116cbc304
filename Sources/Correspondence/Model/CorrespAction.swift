/// One TEI `correspAction` of a letter other than its writing: its type as the source gives it
/// (`received`, `transmitted`, `forwarded`, `redirected`, `delivered`...), who took part, where
/// and when. Kept so that exports can write it back and figures can say what happened.
public struct CorrespAction: Sendable, Hashable, Codable {
    /// The `@type`, as written (TEI's list is open).
    public var type: String
    /// Person ids of every persName and orgName of the action, in source order.
    public var participants: [String]
    /// The placeName, when given.
    public var place: String?
    /// The placeName's `@ref` URIs, as written.
    public var placeRef: String?
    /// The action's date, when given.
    public var date: HistoricalDate?

    public init(type: String, participants: [String], place: String? = nil, placeRef: String? = nil, date: HistoricalDate? = nil) {
        self.type = type
        self.participants = participants
        self.place = place
        self.placeRef = placeRef
        self.date = date
    }
}
