/// The source line each field of a message was read from ("sender", "recipients", "sent_on",
/// "dated", "classification", "place", "body"), for `explain`; used like a `[String: Int]`.
///
/// Why not a dictionary: every message of every reader has one, and a dictionary of five lines
/// is a heap object of about 250 bytes (a quarter of a gigabyte at a million CSV rows). The
/// seven fields readers give are held as numbers in the message itself; any other key (or a
/// line past `Int32.max`) goes to a dictionary that is empty, and allocates nothing, otherwise.
/// Equal lines give equal values, and it is written and read as the dictionary it stands for.
public struct FieldLines: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    private var sender: Int32 = -1
    private var recipients: Int32 = -1
    private var sentOn: Int32 = -1
    private var dated: Int32 = -1
    private var classification: Int32 = -1
    private var place: Int32 = -1
    private var body: Int32 = -1
    private var others: [String: Int] = [:]

    public init() {}

    public init(_ lines: [String: Int]) {
        for (key, line) in lines { self[key] = line }
    }

    public init(dictionaryLiteral elements: (String, Int)...) {
        for (key, line) in elements { self[key] = line }
    }

    /// The line of `key`, nil when the field has none.
    public subscript(key: String) -> Int? {
        get {
            let held: Int32
            switch key {
            case "sender": held = sender
            case "recipients": held = recipients
            case "sent_on": held = sentOn
            case "dated": held = dated
            case "classification": held = classification
            case "place": held = place
            case "body": held = body
            default: return others[key]
            }
            return held < 0 ? others[key] : Int(held)
        }
        set {
            // A line that fits is held as a number; anything else in `others`, never both.
            let held: Int32 = newValue.flatMap { $0 >= 0 && $0 <= Int(Int32.max) ? Int32($0) : nil } ?? -1
            let fits = newValue == nil || held >= 0
            switch key {
            case "sender": sender = held
            case "recipients": recipients = held
            case "sent_on": sentOn = held
            case "dated": dated = held
            case "classification": classification = held
            case "place": place = held
            case "body": body = held
            default:
                others[key] = newValue
                return
            }
            others[key] = fits ? nil : newValue
        }
    }

    /// Every field with its line.
    public var dictionary: [String: Int] {
        var all = others
        for (key, held) in [("sender", sender), ("recipients", recipients), ("sent_on", sentOn), ("dated", dated),
                            ("classification", classification), ("place", place), ("body", body)] where held >= 0 {
            all[key] = Int(held)
        }
        return all
    }

    public var isEmpty: Bool { dictionary.isEmpty }

    public var description: String { dictionary.description }

    public init(from decoder: Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String: Int].self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(dictionary)
    }
}
