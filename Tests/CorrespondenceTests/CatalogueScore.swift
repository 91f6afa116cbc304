import EpistolaryTestSupport
import Foundation

/// The scoring of `Tests/Fixtures/gold/score.py`, in Swift, so the thresholds of the reader can
/// be asserted without Python: entries are matched by start line (exact, then within 2 lines),
/// fields compared over matched messages, dated references as (whose, date) sets.
struct CatalogueScore {
    var precision = 0.0, recall = 0.0, f1 = 0.0
    var sender = 0.0, recipients = 0.0, sentOn = 0.0, dated = 0.0, bestDate = 0.0, classification = 0.0
    var referenceF1 = 0.0
    var missed: [Int] = []

    typealias Row = [String: Any]

    static func rows(jsonl text: String) throws -> [Row] {
        try text.split(separator: "\n").compactMap { line in
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return try JSONSerialization.jsonObject(with: Data(line.utf8)) as? Row
        }
    }

    init(gold goldRows: [Row], predicted predictedRows: [Row], lines: ClosedRange<Int>) {
        func start(_ r: Row) -> Int { r["start_line"] as? Int ?? -99 }
        func isMessage(_ r: Row) -> Bool { (r["kind"] as? String ?? "message") == "message" }
        let gold = goldRows.filter { isMessage($0) && lines.contains(start($0)) }
        let predicted = predictedRows.filter { isMessage($0) && (lines.lowerBound - 2...lines.upperBound + 2).contains(start($0)) }
        var byLine: [Int: [Int]] = [:]
        for (i, p) in predicted.enumerated() { byLine[start(p), default: []].append(i) }
        var used = Set<Int>()
        var matched: [(Row, Row)] = []
        for g in gold {
            var hit: Int?
            for d in [0, 1, -1, 2, -2] {
                if let i = byLine[start(g) + d]?.first(where: { !used.contains($0) }) { hit = i; break }
            }
            if let i = hit { used.insert(i); matched.append((g, predicted[i])) } else { missed.append(start(g)) }
        }
        let tp = Double(matched.count), fp = Double(predicted.count) - tp, fn = Double(gold.count) - tp
        precision = tp + fp > 0 ? tp / (tp + fp) : 1
        recall = tp + fn > 0 ? tp / (tp + fn) : 1
        f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        func accuracy(_ same: (Row, Row) -> Bool) -> Double {
            matched.isEmpty ? 0 : Double(matched.filter(same).count) / Double(matched.count)
        }
        func text(_ r: Row, _ k: String) -> String? { (r[k] as? String).map { $0.lowercased() } }
        func list(_ r: Row, _ k: String) -> [String] { ((r[k] as? [String]) ?? []).map { $0.lowercased() }.sorted() }
        func best(_ r: Row) -> String? { (r["sent_on"] as? String) ?? (r["dated"] as? String) }
        sender = accuracy { text($0, "sender") == text($1, "sender") }
        recipients = accuracy { list($0, "recipients") == list($1, "recipients") }
        sentOn = accuracy { ($0["sent_on"] as? String) == ($1["sent_on"] as? String) }
        dated = accuracy { ($0["dated"] as? String) == ($1["dated"] as? String) }
        bestDate = accuracy { best($0) == best($1) }
        classification = accuracy { text($0, "classification") == text($1, "classification") }
        var rtp = 0.0, rfp = 0.0, rfn = 0.0
        func refs(_ r: Row) -> Set<String> {
            Set(((r["references"] as? [Row]) ?? []).compactMap { x in
                guard let d = x["date"] as? String else { return nil }
                return "\(x["whose"] as? String ?? "")|\(d)"
            })
        }
        for (g, p) in matched {
            let gs = refs(g), ps = refs(p)
            rtp += Double(gs.intersection(ps).count)
            rfp += Double(ps.subtracting(gs).count)
            rfn += Double(gs.subtracting(ps).count)
        }
        let rp = rtp + rfp > 0 ? rtp / (rtp + rfp) : 1, rr = rtp + rfn > 0 ? rtp / (rtp + rfn) : 1
        referenceF1 = rp + rr > 0 ? 2 * rp * rr / (rp + rr) : 0
    }
}

/// Where the test fixtures are, found from this file's path (no dependency on /work/shared).
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func text(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    /// A fresh temporary folder for files a test writes (removed when the test process ends).
    static func temporaryFolder() throws -> URL {
        try TestFolders.make("correspondence")
    }
}
