import Correspondence
/// A JSON value whose objects keep their keys in the order written, so that the JSON exports
/// (Cytoscape.js, node-link, TimelineJS) are byte-stable and read in a sensible order.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// The value as JSON text, indented by two spaces per level, ending without a newline.
    public func serialized(indent: Int = 0) -> String {
        ByteSink.text { sink in
            var json = JSONWriter(into: sink, level: indent)
            write(to: &json)
        }
    }

    /// Writes the value (`JSONWriter`, the one layout of the JSON exports).
    public func write(to json: inout JSONWriter) {
        switch self {
        case .null: json.null()
        case .bool(let b): json.bool(b)
        case .int(let i): json.int(i)
        case .double(let d): json.double(d)
        case .string(let s): json.string(s)
        case .array(let items):
            json.beginArray()
            for item in items { item.write(to: &json) }
            json.endArray()
        case .object(let members):
            json.beginObject()
            for (key, value) in members {
                json.key(key)
                value.write(to: &json)
            }
            json.endObject()
        }
    }

    /// A JSON string literal (`JSONText`, shared with the message catalogue).
    public static func quote(_ s: String) -> String { JSONText.string(s) }
}
