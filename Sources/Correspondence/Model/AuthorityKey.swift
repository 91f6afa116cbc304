import Foundation

/// An authority URI reduced to what identifies the record, for comparison only: exports keep
/// the URI as written, byte for byte.
///
/// The usual spellings of one record compare equal:
/// - scheme (`http`, `https`), a leading `www.`, the host's case and trailing slashes are ignored;
/// - GND: `d-nb.info/gnd/ID` (with or without `/about/...`), `lobid.org/gnd/ID`,
///   `explore.gnd.network/gnd/ID`, `gnd:ID` and `(DE-588)ID` are `gnd:ID`;
/// - VIAF: `viaf.org/viaf/ID` (and anything after the id) and `viaf:ID` are `viaf:ID`;
/// - Wikidata: `wikidata.org/entity/Q1`, `wikidata.org/wiki/Q1`, `.../wiki/Special:EntityPage/Q1`,
///   `m.wikidata.org/...`, `wd:Q1` and `wikidata:Q1` are `wikidata:Q1`.
/// Any other URI is itself without scheme, `www.` and trailing slash (`id.loc.gov/...`).
public struct AuthorityKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `gnd:118540238`, `viaf:24602065`, `wikidata:Q855`, or the URI without scheme.
    public let value: String
    /// The record's own id within its authority (`118540238`, `Q855`; the last path segment of
    /// another URI), for making readable person ids.
    public let localID: String

    public var description: String { value }
    public static func < (a: AuthorityKey, b: AuthorityKey) -> Bool { a.value < b.value }

    /// The key of a URI or prefixed id; nil for an empty string.
    public init?(_ uri: String) {
        let trimmed = uri.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        var rest = Substring(trimmed)
        var hadScheme = false
        for scheme in ["https://", "http://"] where rest.lowercased().hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
            hadScheme = true
        }
        // Host in lower case, without `www.` / `m.`; the path as written.
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        var host = rest[..<slash].lowercased()
        var path = String(rest[slash...])
        if hadScheme || host.contains(".") {
            for prefix in ["www.", "m."] where host.hasPrefix(prefix) { host = String(host.dropFirst(prefix.count)) }
        }
        while path.hasSuffix("/") { path.removeLast() }
        let segments = path.split(separator: "/").map(String.init)

        func make(_ authority: String, _ id: String) -> (String, String) { ("\(authority):\(id)", id) }
        var result: (String, String)?
        if !hadScheme, !host.contains("."), segments.isEmpty, let colon = trimmed.firstIndex(of: ":") {
            // A prefixed id: gnd:ID, viaf:ID, wd:Q1, wikidata:Q1.
            let prefix = trimmed[..<colon].lowercased()
            let id = String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            switch prefix {
            case "gnd": result = make("gnd", id.uppercased())
            case "viaf": result = make("viaf", id)
            case "wd", "wikidata": result = make("wikidata", id.uppercased())
            default: break
            }
        } else if trimmed.hasPrefix("(DE-588)") {
            result = make("gnd", String(trimmed.dropFirst("(DE-588)".count)).uppercased())
        } else if ["d-nb.info", "lobid.org", "explore.gnd.network", "dnb.de"].contains(host),
                  let g = segments.firstIndex(of: "gnd"), g + 1 < segments.count {
            var id = segments[g + 1]
            if host == "lobid.org", id.hasSuffix(".json") { id.removeLast(5) }
            result = make("gnd", id.uppercased())
        } else if host == "viaf.org", segments.count >= 2, segments[0] == "viaf" {
            result = make("viaf", segments[1])
        } else if host == "wikidata.org", let last = segments.last,
                  ["entity", "wiki"].contains(segments.first ?? "") {
            let id = last.hasPrefix("Special:EntityPage") ? "" : last
            if !id.isEmpty { result = make("wikidata", id.uppercased()) }
        }
        if let (value, local) = result {
            self.value = value
            self.localID = local
        } else {
            self.value = host + path
            self.localID = segments.last ?? host
        }
    }
}
