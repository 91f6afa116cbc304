import Foundation

/// Which authority URI a name carries into CMIF, where `persName/@ref`, `orgName/@ref` and
/// `placeName/@ref` hold one URI: correspSearch aggregates people by GND, VIAF, LoC, BnF and
/// NDL, in that order of preference, so the first of those a person has is written; a person
/// with none of them keeps their first other URI (Wikidata, say). The URI itself is written
/// byte for byte as the source gave it.
public enum AuthorityPreference {
    /// The authorities correspSearch reads, most preferred first, with the hosts (and path
    /// starts) that name them.
    public enum Authority: Int, Sendable, CaseIterable, Comparable {
        case gnd, viaf, loc, bnf, ndl, other

        public static func < (a: Authority, b: Authority) -> Bool { a.rawValue < b.rawValue }
    }

    /// The authority a URI belongs to, by its host (scheme, `www.` and case ignored).
    public static func authority(of uri: String) -> Authority {
        var rest = Substring(uri.trimmingCharacters(in: .whitespaces))
        for scheme in ["https://", "http://"] where rest.lowercased().hasPrefix(scheme) { rest = rest.dropFirst(scheme.count) }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        var host = rest[..<slash].lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        let path = rest[slash...].lowercased()
        switch host {
        // Each of these hosts also serves other records (a book at d-nb.info/1234...): only its
        // /gnd/ path names a GND authority.
        case "d-nb.info" where path.hasPrefix("/gnd/"), "lobid.org" where path.hasPrefix("/gnd/"),
             "explore.gnd.network" where path.hasPrefix("/gnd/"):
            return .gnd
        case "viaf.org": return .viaf
        case "id.loc.gov", "lccn.loc.gov": return .loc
        case "data.bnf.fr", "catalogue.bnf.fr", "ark.bnf.fr": return .bnf
        case "id.ndl.go.jp", "ndlna.ndl.go.jp": return .ndl
        default:
            if uri.hasPrefix("(DE-588)") || uri.lowercased().hasPrefix("gnd:") { return .gnd }
            return .other
        }
    }

    /// The one URI to write: the first of the most preferred authority, in the order given.
    public static func preferred(_ uris: [String]) -> String? {
        let usable = uris.filter { !$0.isEmpty && !$0.contains(where: \.isWhitespace) }
        return usable.enumerated().min { a, b in
            let (x, y) = (authority(of: a.element), authority(of: b.element))
            return x != y ? x < y : a.offset < b.offset
        }?.element
    }
}
