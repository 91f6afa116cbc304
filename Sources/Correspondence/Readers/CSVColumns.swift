/// The columns a table of letters may have, and the header names each is known by.
///
/// Presets (matched case-insensitively, spaces, `_` and `-` ignored):
/// - the CMIF producers' CSV (csv2cmi), as published: `sender`, `senderID`, `senderPlace`,
///   `senderPlaceID`, `senderDate`, `addressee`, `addresseeID`, `addresseePlace`,
///   `addresseePlaceID`, `addresseeDate`, `edition`, `key` (and `note`);
/// - Palladio-style edge tables: `Source`, `Target`, `Date` (and `Source Place`, `Target Place`);
/// - Epistolary's own: `sender`, `recipients`, `date` or `not_before`/`not_after`, `place`,
///   `classification`, `text`, `id`.
/// Any other header is mapped with `CSVMapping` (`--csv-map` or a TOML file).
public enum CSVColumn: String, Sendable, CaseIterable, Hashable {
    case senders, senderIDs = "sender_ids", recipients, recipientIDs = "recipient_ids"
    case date, notBefore = "not_before", notAfter = "not_after"
    case place, placeID = "place_id", receivedPlace = "received_place", receivedPlaceID = "received_place_id"
    case receivedDate = "received_date"
    case id, edition, text, classification, note

    /// The header names of the presets, in the compared form (`CSVColumn.comparable`).
    public var presetNames: [String] {
        switch self {
        case .senders: return ["sender", "senders", "source", "from", "author", "absender"]
        case .senderIDs: return ["senderid", "senderids", "sourceid", "fromid", "authorid"]
        case .recipients: return ["recipients", "recipient", "addressee", "addressees", "target", "to", "empfanger", "empfänger"]
        case .recipientIDs: return ["addresseeid", "addresseeids", "recipientid", "recipientids", "targetid", "toid"]
        case .date: return ["date", "senderdate", "sentdate", "datesent", "sent"]
        case .notBefore: return ["notbefore"]
        case .notAfter: return ["notafter"]
        case .place: return ["place", "senderplace", "sourceplace", "placesent", "origin"]
        case .placeID: return ["senderplaceid", "placeid", "sourceplaceid"]
        case .receivedPlace: return ["addresseeplace", "receivedplace", "targetplace", "destination"]
        case .receivedPlaceID: return ["addresseeplaceid", "receivedplaceid", "targetplaceid"]
        case .receivedDate: return ["addresseedate", "receiveddate", "datereceived"]
        case .id: return ["id", "key", "letterid", "identifier"]
        case .edition: return ["edition"]
        case .text: return ["text", "body", "content"]
        case .classification: return ["classification"]
        case .note: return ["note", "notes"]
        }
    }

    /// A header name as compared: lower case, without spaces, `_` and `-`.
    public static func comparable(_ header: String) -> String {
        String(header.lowercased().filter { !$0.isWhitespace && $0 != "_" && $0 != "-" && $0 != "\"" })
    }

    /// Every preset header name, for recognising a table by its first line.
    public static let knownNames: Set<String> = Set(allCases.flatMap(\.presetNames))
}
