import Foundation
import Testing
import Analysis
import Correspondence

/// Speed of `CorpusAnalysis` alone. The bundled corpus is always measured (the budget is checked
/// only in optimised builds); a large corpus is measured when EPISTOLARY_BENCH_JSONL names a
/// catalogue written by `epistolary messages --format jsonl` (e.g. of synth.py's 50,000 messages).
@Suite struct AnalysisTimingTests {
    /// CPU time of the process (all threads), in seconds: steadier than wall time on a shared machine.
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    @Test func bundledCorpus() throws {
        let corpus = try CorpusLoader.load(path: nil)
        let lexicon = try TopicLexicon.bundled()
        let table = try MentionTable.bundled(people: corpus.people)
        var best = Double.infinity
        for _ in 0..<5 {
            best = min(best, AnalysisTimingTests.seconds { _ = CorpusAnalysis(corpus: corpus, lexicon: lexicon, mentionTable: table) })
        }
        print("[timing] analysis of the bundled corpus (\(corpus.messages.count) messages): \(Int(best * 1000)) ms (best of 5)")
        #if !DEBUG
        #expect(best < 0.05)
        #endif
    }

    @Test func largeCorpusFromCatalogue() throws {
        guard let path = ProcessInfo.processInfo.environment["EPISTOLARY_BENCH_JSONL"] else { return }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var messages: [Message] = []
        for line in text.split(separator: "\n") {
            guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = o["id"] as? String, let date = (o["date"] as? String).flatMap(Day.init(iso:)) else { continue }
            let refs = (o["references"] as? [[String: Any]] ?? []).map { r in
                Reference(phrase: r["phrase"] as? String ?? "", whose: ReferenceOwner(rawValue: r["whose"] as? String ?? "") ?? .other,
                          relation: ReferenceRelation(rawValue: r["relation"] as? String ?? "") ?? .of,
                          date: (r["date"] as? String).flatMap(Day.init(iso:)), line: o["start_line"] as? Int ?? 0)
            }
            let start = o["start_line"] as? Int ?? 0
            messages.append(Message(id: String(decoding: Array(id.utf8), as: UTF8.self), kind: .message, sender: o["sender"] as? String ?? "", recipients: o["recipients"] as? [String] ?? [],
                                    sentOn: nil, dated: nil, date: HistoricalDate(exactly: date, evidence: .dateLine), place: nil,
                                    classification: o["classification"] as? String ?? "", body: String(decoding: Array((o["body"] as? String ?? "").utf8), as: UTF8.self),
                                    references: refs, span: SourceSpan(startLine: start, endLine: o["end_line"] as? Int ?? start)))
        }
        let corpus = Corpus(sourceName: path, sourceHash: "", messages: messages.sorted(by: Corpus.stableOrder),
                            people: PersonTable(people: []), issues: [])
        let lexicon = try TopicLexicon.bundled()
        let table = try MentionTable.bundled(people: corpus.people)
        var analysis: CorpusAnalysis?
        let cpu = AnalysisTimingTests.cpuSeconds()
        let t = AnalysisTimingTests.seconds { analysis = CorpusAnalysis(corpus: corpus, lexicon: lexicon, mentionTable: table) }
        let used = AnalysisTimingTests.cpuSeconds() - cpu
        print("[timing] analysis of \(messages.count) messages: \(String(format: "%.3f", t)) s wall, \(String(format: "%.3f", used)) s CPU; \(analysis?.inferred.count ?? 0) inferred, \(analysis?.links.count ?? 0) links")
        #expect(messages.count > 0)
    }
}
