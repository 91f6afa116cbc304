import Correspondence

/// The section of `epistolary report` that lists the people and places an export cannot
/// identify: correspSearch aggregates people by their authority URI (GND, VIAF, LoC, BnF, NDL)
/// and places by GeoNames, so each one listed here is a name only, for an editor to look up.
public struct MissingAuthoritiesSection: Sendable {
    public let corpus: Corpus
    public let places: PlaceTable

    public init(corpus: Corpus, places: PlaceTable = PlaceTable()) {
        self.corpus = corpus
        self.places = places
    }

    /// - Complexity: O(messages × correspondents of a message).
    public func render() -> String {
        var people: [String: Int] = [:]
        var placeCounts: [String: Int] = [:]
        var preferredOnly = 0
        for message in corpus.messages where message.kind == .message {
            for id in [message.sender] + message.recipients where !id.isEmpty { people[id, default: 0] += 1 }
            if let place = message.place, places[place]?.geonames == nil { placeCounts[place, default: 0] += 1 }
        }
        var unidentified: [(String, Int)] = []
        for (id, count) in people {
            let uris = corpus.people[id].map(CMIFWriter.authorityURIs) ?? []
            if uris.isEmpty {
                unidentified.append((corpus.people.name(of: id), count))
            } else if let ref = AuthorityPreference.preferred(uris), AuthorityPreference.authority(of: ref) == .other {
                preferredOnly += 1
            }
        }
        func letters(_ n: Int) -> String { n == 1 ? "1 letter" : "\(n) letters" }
        func sorted(_ list: [(String, Int)]) -> [(String, Int)] { list.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 } }
        var out = "People without an authority URI: \(unidentified.count) of \(people.count)"
        out += preferredOnly > 0 ? " (\(preferredOnly) more have none of GND, VIAF, LoC, BnF, NDL, which correspSearch reads)\n" : "\n"
        for (name, count) in sorted(unidentified) { out += "  \(name): \(letters(count))\n" }
        out += "Places without a GeoNames URI: \(placeCounts.count)\n"
        for (name, count) in sorted(Array(placeCounts)) { out += "  \(name): \(letters(count))\n" }
        return out
    }
}
