import Foundation
import Testing
@testable import Analysis
import Correspondence

/// The held-out protocol of issue 16, rerunnable (`Benchmarks/topics-heldout` runs this suite
/// and prints its lines): the three scored topics measured on the tuning years (1941-43) and
/// the held-out year (1944) of the reference catalogue separately; a strict re-run of 1944
/// without the terms that only 1944's positives support; and our own labels of the later lines
/// (2395-4720, `Benchmarks/topics-1945-labels.jsonl`), which are not the maintainers' gold.
@Suite struct TopicHeldOutTests {
    static let scored = ["second_front", "convoys", "poland"]

    /// True and false positives and negatives of one topic.
    struct Counts: CustomStringConvertible {
        var tp = 0, fp = 0, fn = 0
        var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        mutating func add(predicted: Bool, expected: Bool) {
            if predicted && expected { tp += 1 } else if predicted { fp += 1 } else if expected { fn += 1 }
        }
        var description: String {
            String(format: "P=%.3f R=%.3f F1=%.3f (TP %d, FP %d, FN %d)", precision, recall, f1, tp, fp, fn)
        }
    }

    /// The year a gold entry is counted in: its own date, or for the three undated messages the
    /// date the catalogue carries forward from the entry before it (`GoldCatalogue`).
    static func year(_ entry: GoldCatalogue.Entry, in gold: GoldCatalogue) -> Int? {
        gold.corpus.messages.first { $0.id == "gold-\(entry.start_line)" }?.date.notBefore?.year
    }

    /// Per-topic counts over the gold messages of the given years.
    static func score(_ gold: GoldCatalogue, _ analysis: CorpusAnalysis, years: ClosedRange<Int>) -> [String: Counts] {
        var out: [String: Counts] = [:]
        for e in gold.entries where e.kind == "message" {
            guard let y = year(e, in: gold), years.contains(y) else { continue }
            let predicted = Set((analysis.topics["gold-\(e.start_line)"] ?? []).map(\.topic))
            for t in scored { out[t, default: Counts()].add(predicted: predicted.contains(t), expected: e.topics.contains(t)) }
        }
        return out
    }

    @Test func tuningYearsAndHeldOutYearAreScoredSeparately() throws {
        let gold = try GoldCatalogue()
        let analysis = CorpusAnalysis(corpus: gold.corpus, lexicon: try TopicLexicon.bundled())
        let tuning = Self.score(gold, analysis, years: 1941...1943)
        let heldOut = Self.score(gold, analysis, years: 1944...1944)
        #expect(heldOut.values.map { $0.tp + $0.fn }.reduce(0, +) >= 20, "1944 has the gold positives it had")
        for t in Self.scored {
            print("held-out tuning 1941-1943 \(t) \(tuning[t]!)")
            print("held-out year 1944 \(t) \(heldOut[t]!)")
            #expect(tuning[t]!.f1 >= 0.95, "\(t): 1941-43 F1 \(tuning[t]!.f1)")
            #expect(heldOut[t]!.f1 >= 0.9, "\(t): 1944 F1 \(heldOut[t]!.f1)")
        }
    }

    /// Which terms (and exclusions) of a scored topic did work in which gold messages: a term
    /// counted in a positive message of its topic, an exclusion in a negative one.
    static func support(_ gold: GoldCatalogue, _ analysis: CorpusAnalysis) -> [String: [String: Set<Int>]] {
        var out: [String: [String: Set<Int>]] = [:]
        for e in gold.entries where e.kind == "message" {
            guard let y = year(e, in: gold) else { continue }
            for match in analysis.topicScores(id: "gold-\(e.start_line)") where scored.contains(match.topic) {
                let positive = e.topics.contains(match.topic)
                for span in match.spans where (span.weight > 0) == positive {
                    out[match.topic, default: [:]][span.term, default: []].insert(y)
                }
            }
        }
        return out
    }

    /// A term written as a name from the record (an operation, place, person, line or body:
    /// every word capitalised, "Overlord", "Curzon Line", "U-boat*") rather than a phrasing
    /// ("the landing", "Polish question"): a historian tuning on 1941-43 would still know it.
    static func isName(_ term: LexiconTerm) -> Bool {
        let words = term.text.split(whereSeparator: { $0 == " " }).filter { $0 != "..." && $0 != "*" }
        return !words.isEmpty && words.allSatisfy { $0.first?.isUppercase == true }
    }

    /// The lexicon without the scored topics' terms and exclusions that `drop` selects among
    /// those whose only support in the gold is 1944; also the dropped terms, for the report.
    static func withoutTermsOnly1944Supports(_ lexicon: TopicLexicon, support: [String: [String: Set<Int>]],
                                             drop: (LexiconTerm) -> Bool) -> (TopicLexicon, [String]) {
        var out = lexicon
        var removed: [String] = []
        for i in out.topics.indices where scored.contains(out.topics[i].id) {
            let topic = out.topics[i].id
            let only1944 = Set((support[topic] ?? [:]).filter { $0.value == [1944] }.keys.map { $0.lowercased() })
            let selected = { (term: LexiconTerm) in only1944.contains(term.text.lowercased()) && drop(term) }
            removed += out.topics[i].terms.filter(selected).map { "\(topic): \($0.text)" }
            removed += out.topics[i].exclusions.filter(selected).map { "\(topic): -\($0.text)" }
            out.topics[i].terms.removeAll(where: selected)
            out.topics[i].exclusions.removeAll(where: selected)
        }
        return (out, removed)
    }

    /// The strict re-runs of 1944. Floor: every term or exclusion whose only support in the gold
    /// is a 1944 message is dropped (it may have been added with 1944 in view, even when it is a
    /// name any historian knows, such as "Overlord"). Names kept: only the 1944-only phrasings
    /// are dropped, names from the record stay. Weights and thresholds cannot be un-tuned this
    /// way, so both figures still lean optimistic. Removing 1944-only terms must leave the tuning
    /// years as they were.
    @Test func strictHeldOut1944WithoutTermsOnlyThe1944PositivesSupport() throws {
        let gold = try GoldCatalogue()
        let bundled = try TopicLexicon.bundled()
        let support = Self.support(gold, CorpusAnalysis(corpus: gold.corpus, lexicon: bundled))
        let (floor, allRemoved) = Self.withoutTermsOnly1944Supports(bundled, support: support, drop: { _ in true })
        let (namesKept, phrasingsRemoved) = Self.withoutTermsOnly1944Supports(bundled, support: support, drop: { !Self.isName($0) })
        print("strict floor removes \(allRemoved.count) terms only 1944 supports: \(allRemoved.joined(separator: "; "))")
        print("strict names-kept removes \(phrasingsRemoved.count) phrasings only 1944 supports: \(phrasingsRemoved.joined(separator: "; "))")
        #expect(!allRemoved.isEmpty && phrasingsRemoved.count < allRemoved.count)
        for (name, lexicon) in [("floor", floor), ("names-kept", namesKept)] {
            let analysis = CorpusAnalysis(corpus: gold.corpus, lexicon: lexicon)
            let heldOut = Self.score(gold, analysis, years: 1944...1944)
            let tuning = Self.score(gold, analysis, years: 1941...1943)
            for t in Self.scored {
                print("strict \(name) held-out year 1944 \(t) \(heldOut[t]!)")
                #expect(tuning[t]!.f1 >= 0.95, "\(t): 1941-43 F1 \(tuning[t]!.f1) without the 1944-only terms (\(name))")
                // The names-kept figures measured when this protocol was written: 0.800, 1.000, 0.875.
                let floorOfNamesKept = ["second_front": 0.79, "convoys": 0.95, "poland": 0.85][t]!
                if name == "names-kept" { #expect(heldOut[t]!.f1 >= floorOfNamesKept, "\(t): 1944 F1 \(heldOut[t]!.f1) with names kept") }
            }
        }
    }

    /// One of our own labels of the later lines.
    struct OwnLabel: Decodable {
        let start_line: Int
        let topics: [String]
        let reason: String
    }

    static var ownLabels: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Benchmarks/topics-1945-labels.jsonl")
    }

    /// The read corpus (the reader's segmentation) against our own labels of lines 2395-4720,
    /// matched by start line within two lines as the maintainers' scorer does. The lexicon was
    /// revised after these labels were scored, so this is an optimistic figure; the labels were
    /// written before looking at what the lexicon matches there.
    @Test func ownLabelsOfTheLaterLines() throws {
        let text = try String(contentsOf: Self.ownLabels, encoding: .utf8)
        let labels = try text.split(separator: "\n").map { try JSONDecoder().decode(OwnLabel.self, from: Data($0.utf8)) }
        #expect(labels.count >= 190)
        let corpus = try CorpusLoader.load(path: GoldCatalogue.corpusText.path)
        let analysis = CorpusAnalysis(corpus: corpus, lexicon: try TopicLexicon.bundled())
        let byStart = Dictionary(corpus.messages.filter { $0.kind == .message }.map { ($0.span.startLine, $0.id) },
                                 uniquingKeysWith: { a, _ in a })
        var counts: [String: Counts] = [:]
        var unmatched = 0
        for label in labels {
            guard let id = [0, 1, -1, 2, -2].lazy.compactMap({ byStart[label.start_line + $0] }).first else {
                unmatched += 1
                continue
            }
            let predicted = Set((analysis.topics[id] ?? []).map(\.topic))
            for t in Self.scored { counts[t, default: Counts()].add(predicted: predicted.contains(t), expected: label.topics.contains(t)) }
        }
        #expect(unmatched == 0)
        let targets = ["second_front": 0.85, "convoys": 0.85, "poland": 0.95]
        for t in Self.scored {
            print("own labels 2395-4720 \(t) \(counts[t]!)")
            #expect(counts[t]!.f1 >= targets[t]!, "\(t): F1 \(counts[t]!.f1) on our own labels of lines 2395-4720")
        }
    }
}
