import Correspondence

/// The section of `epistolary report` that lists references resolving to nothing, each with
/// the line it stands on, grouped by why, so an editor can check them in the source.
public struct UnresolvedReferencesSection: Sendable {
    public let analysis: CorpusAnalysis

    public init(analysis: CorpusAnalysis) { self.analysis = analysis }

    public func render() -> String {
        let unresolved = analysis.unresolvedReferences
        var out = "References that resolve to no message: \(unresolved.count)\n"
        let reasons: [(UnresolvedReference.Reason, String)] = [
            (.noSuchMessage, "the writer's own message of that date is not in the corpus"),
            (.noCorrespondent, "no addressee to attribute the cited message to"),
            (.undated, "no date, and no single candidate"),
            (.thirdParty, "a third party's document"),
        ]
        for (reason, meaning) in reasons {
            let group = unresolved.filter { $0.reason == reason }
            guard !group.isEmpty else { continue }
            out += "  \(reason.rawValue) (\(meaning)): \(group.count)\n"
            for item in group {
                let date = item.reference.date.map { " [\($0.iso)]" } ?? ""
                out += "    line \(item.reference.line): \(item.messageID): \"\(item.reference.phrase)\"\(date)\n"
            }
        }
        return out
    }
}
