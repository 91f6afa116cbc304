import Foundation
import Testing
@testable import Analysis
import Correspondence

@Suite struct TopicGoldTests {
    /// Precision, recall and F1 of one topic over the gold entries of kind message.
    static func f1(_ topic: String, gold: GoldCatalogue, analysis: CorpusAnalysis) -> (p: Double, r: Double, f: Double) {
        var tp = 0, fp = 0, fn = 0
        for e in gold.entries where e.kind == "message" {
            let predicted = (analysis.topics["gold-\(e.start_line)"] ?? []).contains { $0.topic == topic }
            let expected = e.topics.contains(topic)
            switch (predicted, expected) {
            case (true, true): tp += 1
            case (true, false): fp += 1
            case (false, true): fn += 1
            default: break
            }
        }
        let p = tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp)
        let r = tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn)
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
    }

    @Test func bundledLexiconReachesTheGoldOnTheThreeScoredTopics() throws {
        let gold = try GoldCatalogue()
        let analysis = CorpusAnalysis(corpus: gold.corpus, lexicon: try TopicLexicon.bundled())
        if let out = ProcessInfo.processInfo.environment["EPISTOLARY_TOPICS_JSONL"] {
            var text = ""
            for e in gold.entries {
                let topics = (analysis.topics["gold-\(e.start_line)"] ?? []).map(\.topic)
                let json = try JSONSerialization.data(withJSONObject: ["start_line": e.start_line, "kind": e.kind, "topics": topics])
                text += String(decoding: json, as: UTF8.self) + "\n"
                if Set(topics).intersection(["second_front", "poland", "convoys"]) != Set(e.topics) {
                    let detail = (analysis.topicScores(id: "gold-\(e.start_line)")).map { m in
                        "\(m.topic)=\(m.score) [" + m.spans.map { "\($0.phrase)\($0.weight < 0 ? "(-)" : "")" }.joined(separator: ", ") + "]"
                    }
                    print("DIFF \(e.start_line) gold=\(e.topics) got=\(topics) :: \(detail.joined(separator: " | "))")
                }
            }
            try text.write(toFile: out, atomically: true, encoding: .utf8)
        }
        for topic in ["second_front", "poland", "convoys"] {
            let score = TopicGoldTests.f1(topic, gold: gold, analysis: analysis)
            print("topic \(topic) P=\(score.p) R=\(score.r) F1=\(score.f)")
            #expect(score.f >= 0.95, "\(topic): F1 \(score.f)")
        }
    }
}

@Suite struct TopicCorpusTests {
    /// The bundled text prints the end of a February 1942 letter (on shipping the munitions) at
    /// lines 298-302 and its head far away at 4290-4296: the reader links them and both parts
    /// carry the letter's topic.
    @Test func aDisplacedTailAndItsHeadCarryTheLettersTopic() throws {
        let corpus = try CorpusLoader.load(path: GoldCatalogue.corpusText.path)
        let tail = try #require(corpus.messages.first { $0.span.startLine == 298 })
        let head = try #require(corpus.messages.first { $0.span.startLine == 4292 })
        #expect(tail.kind == .fragment && tail.continues == head.id)
        let analysis = CorpusAnalysis(corpus: corpus, lexicon: try TopicLexicon.bundled())
        #expect(analysis.topics[tail.id]?.contains { $0.topic == "convoys" && $0.inheritedFrom == nil } == true)
        #expect(analysis.topics[head.id]?.contains { $0.topic == "convoys" && $0.inheritedFrom == tail.id } == true)
    }

    /// The read corpus (the reader's segmentation, not the gold's) scored on the gold range.
    @Test func readCorpusReachesTheGoldOnTheThreeScoredTopics() throws {
        let corpus = try CorpusLoader.load(path: GoldCatalogue.corpusText.path)
        let analysis = CorpusAnalysis(corpus: corpus, lexicon: try TopicLexicon.bundled())
        let catalogue = MessageCatalogue(corpus: corpus, topics: analysis.topicAssignments).render(.jsonl)
        if let out = ProcessInfo.processInfo.environment["EPISTOLARY_CORPUS_JSONL"] {
            try catalogue.write(toFile: out, atomically: true, encoding: .utf8)
        }
        let gold = try GoldCatalogue()
        let byStart = Dictionary(corpus.messages.map { ($0.span.startLine, $0.id) }, uniquingKeysWith: { a, _ in a })
        for topic in ["second_front", "poland", "convoys"] {
            var tp = 0, fp = 0, fn = 0
            for e in gold.entries where e.kind == "message" {
                guard let id = [0, 1, -1, 2, -2].lazy.compactMap({ byStart[e.start_line + $0] }).first else { continue }
                let predicted = (analysis.topics[id] ?? []).contains { $0.topic == topic }
                let expected = e.topics.contains(topic)
                if predicted && expected { tp += 1 } else if predicted { fp += 1 } else if expected { fn += 1 }
            }
            let p = Double(tp) / Double(max(1, tp + fp)), r = Double(tp) / Double(max(1, tp + fn))
            let f = p + r == 0 ? 0 : 2 * p * r / (p + r)
            #expect(f >= 0.95, "\(topic): F1 \(f) (P \(p), R \(r))")
        }
    }
}
