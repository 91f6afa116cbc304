import Foundation
import Testing
@testable import Correspondence
import EpistolaryTestSupport

/// The reader's shortcuts at scale (issue 13) must give exactly what the plain computation
/// gives: the word sketch never rules out a pair of texts similar enough to be printed twice,
/// and the keys counted on all cores give the one sequential pass's counts and groups.
@Suite struct ReadingShortcutsTests {
    /// Words, separators and the characters that make a byte split differ from the String one:
    /// the Kelvin sign (equal to "K" when lower-cased), a decomposed "é", a space before a
    /// combining mark, an Arabic number sign (a prepended mark) before a line feed, a dash.
    static let pieces = ["king", "K", "\u{212A}ing", "caf\u{E9}", "cafe\u{301}", " \u{301}", "\u{0600}", "\u{2014}", "message",
                         "Message", "the", "of", "your", "\u{212A}", "k", "ING", "r\u{E9}sum\u{E9}"] + (0..<60).map { "w\($0)" }
    static let separators = [" ", " ", "\n", "  ", " \n"]

    /// The similarity the printed-twice check computes: shared words over all words.
    static func jaccard(_ a: String, _ b: String) -> Double {
        let wa = CorpusAssembler.wordSet(a), wb = CorpusAssembler.wordSet(b)
        let union = wa.union(wb).count
        return union == 0 ? 0 : Double(wa.intersection(wb).count) / Double(union)
    }

    @Test func sketchNeverRulesOutASimilarPair() {
        var generator = SplitMix64(seed: 7)
        var pairs = 0, similar = 0, ruledOut = 0
        for _ in 0..<4_000 {
            let a = Self.text(&generator)
            // The second text: the first with a few words changed, or one of its own.
            let b = generator.next() % 3 == 0 ? Self.text(&generator) : Self.edited(a, &generator)
            guard let sa = WordFingerprint.of(a), let sb = WordFingerprint.of(b) else { continue }
            pairs += 1
            let j = Self.jaccard(a, b)
            if j >= 0.8 { similar += 1 }
            if !sa.mayReachFourFifths(sb) {
                ruledOut += 1
                #expect(j < 0.8, "ruled out a pair of similarity \(j): \(a.debugDescription) / \(b.debugDescription)")
            }
        }
        // The test means something only when both kinds of pair occur.
        #expect(pairs > 3_000 && similar > 100 && ruledOut > 100)
    }

    @Test func sketchRulesOutDifferentASCIITexts() throws {
        let a = try #require(WordFingerprint.of("the soviet government cannot agree to the existence in poland of a government hostile to it"))
        let b = try #require(WordFingerprint.of("I hope that the operations you are undertaking in Italy will likewise be successful and swift"))
        #expect(!a.mayReachFourFifths(b))
        let c = try #require(WordFingerprint.of("The Soviet Government cannot agree to the existence in Poland of a Government hostile to it."))
        #expect(c.mayReachFourFifths(a))
        #expect(WordFingerprint.of("a\r\nb") == nil)
    }

    @Test func equalKeysGiveTheSequentialCounts() {
        var generator = SplitMix64(seed: 11)
        for count in [0, 1, 300, 5_000, 20_000] {
            let keys = (0..<count).map { _ in "k\(generator.next() % UInt64(max(1, count / 3)))" }
            var seen: [String: Int] = [:]
            let expected = keys.map { key -> Int in
                defer { seen[key, default: 0] += 1 }
                return seen[key, default: 0]
            }
            #expect(EqualKeys.occurrences(keys) == expected)

            let optional: [String?] = keys.enumerated().map { $0.offset % 5 == 0 ? nil : $0.element }
            var groups: [String: [Int]] = [:]
            var order: [String] = []
            for (k, key) in optional.enumerated() {
                guard let key else { continue }
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(k)
            }
            let crowded = order.compactMap { groups[$0]!.count > 1 ? groups[$0]! : nil }
            #expect(EqualKeys.crowdedGroups(optional) == crowded)
        }
    }

    static func text(_ generator: inout SplitMix64) -> String {
        var out = ""
        for k in 0..<(3 + Int(generator.next() % 40)) {
            if k > 0 { out += separators[Int(generator.next() % UInt64(separators.count))] }
            out += pieces[Int(generator.next() % UInt64(pieces.count))]
        }
        return out
    }

    static func edited(_ text: String, _ generator: inout SplitMix64) -> String {
        var words = text.components(separatedBy: " ")
        for _ in 0..<Int(generator.next() % 3) where !words.isEmpty {
            words[Int(generator.next() % UInt64(words.count))] = pieces[Int(generator.next() % UInt64(pieces.count))]
        }
        // Other bytes for the same words, now and then: the Kelvin sign for K, a decomposed é.
        if generator.next() % 3 == 0 {
            words = words.map { $0.replacingOccurrences(of: "k", with: "\u{212A}").replacingOccurrences(of: "\u{E9}", with: "e\u{301}") }
        }
        return words.joined(separator: generator.next() % 2 == 0 ? " " : "  ")
    }
}
