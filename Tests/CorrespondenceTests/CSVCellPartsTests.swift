@testable import Correspondence
import EpistolaryTestSupport
import Foundation
import Testing

/// Cutting a cell of several people: the same parts as Foundation's
/// `components(separatedBy:)` (Characters, canonical equivalence) with each part trimmed, in
/// work linear in the cell, including cells of millions of names or separators.
@Suite struct CSVCellPartsTests {
    /// What the reader did before: Foundation's split by Characters, each part trimmed.
    static func foundationParts(_ cell: String, _ separator: String) -> [String] {
        cell.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Strings built from pieces where byte and Character matching part: a separator followed
    /// by a combining mark or an emoji modifier (one Character), a prepended mark before it
    /// (U+0600), its canonical equivalents (U+037E for `;`, the Kelvin sign for `K`, U+1FEF for
    /// a backtick), CR LF, ideographic and no-break spaces, Devanagari conjuncts, flags.
    @Test func givesFoundationsPartsOnEveryMixOfAwkwardCharacters() {
        let pieces = ["a", "b", ";", " ", "\t", "|", "\u{301}", "\u{37E}", "é", "\u{3000}", "\r", "\n", "and", "\u{600}",
                      "K", "\u{212A}", "\u{1FEF}", "`", "\u{200D}", "🇩🇪", "👍", "\u{1F3FB}", "\u{0915}", "\u{094D}",
                      "\u{0903}", "\u{85}", "\u{A0}", " and ", "e\u{301}"]
        var random = SplitMix64(seed: 17)
        var differences: [String] = []
        for _ in 0..<20_000 {
            let count = Int(random.next() % 15)
            let cell = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            for separator in [";", "|", " and ", "K", "; ", "`", "·"] {
                let parts = CSVCellParts(cell, separator: separator)
                let expected = Self.foundationParts(cell, separator)
                if parts.all != expected || parts.count != expected.count || parts.texts != expected.filter({ !$0.isEmpty }) {
                    differences.append("\(separator): \(cell.unicodeScalars.map { String($0.value, radix: 16) })")
                }
            }
            for set in [CharacterSet.whitespaces, .whitespacesAndNewlines] where CSVCellParts.trimmed(cell, in: set) != cell.trimmingCharacters(in: set) {
                differences.append("trim: \(cell.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }

    /// The names of a cell with a million separators and two million names (about 40 MB) are
    /// cut in one pass: Foundation's Character matching took over a minute for such a cell (2-3
    /// MB a second), and a part was made for every empty place.
    @Test(.timeLimit(.minutes(1))) func aCellOfMillionsOfNamesAndSeparatorsIsCutInLinearWork() {
        let names = (0..<2_000_000).map { "Person \($0)" }.joined(separator: "; ")
        let parts = CSVCellParts(names, separator: ";")
        #expect(parts.count == 2_000_000)
        #expect(parts.texts.first == "Person 0" && parts.texts.last == "Person 1999999")

        let empty = "A" + String(repeating: ";", count: 1_000_000) + "B"
        let sparse = CSVCellParts(empty, separator: ";")
        #expect(sparse.count == 1_000_001)
        #expect(sparse.filled.map(\.position) == [0, 1_000_000])

        let accented = (0..<300_000).map { ["Müller", "Dvořák", "Ἀριστοτέλης", "\u{FFFD}\u{FFFD}"][$0 % 4] }.joined(separator: ";")
        #expect(CSVCellParts(accented, separator: ";").count == 300_000)
    }

    /// A table of such rows is read in linear work, with the same people as a short one.
    @Test(.timeLimit(.minutes(1))) func aTableOfHugeNameCellsIsReadInLinearWork() throws {
        let cell = (0..<50_000).map { "Person \($0 % 1_000)" }.joined(separator: "; ")
        var text = "sender,recipient,date\n"
        for k in 0..<20 { text += "\"\(cell)\",Anna Muster,1850-03-\(String(format: "%02d", k + 1))\n" }
        text += "Bernd," + String(repeating: ";", count: 500_000) + "Anna Muster,1850-04-01\n"
        let corpus = try CSVReader.read(text: text, sourceName: "huge.csv", people: .empty)
        #expect(corpus.messages.count == 21)
        #expect(corpus.messages.filter { $0.senders.count == 50_000 }.count == 20)
        #expect(corpus.people.people.count == 1_000 + 2)
        let last = try #require(corpus.messages.first { $0.senders.count == 1 })
        #expect(last.recipients.count == 1)
    }

    /// With no names, each given id is one person; the empty places between separators are
    /// nobody (they were an unidentified person each).
    @Test func emptyPlacesBetweenIdsAreNobody() throws {
        let text = "sender,senderID,recipient,date\n,;http://d-nb.info/gnd/1;;http://d-nb.info/gnd/2;,Anna,1850-03-01\n"
        let corpus = try CSVReader.read(text: text, sourceName: "ids.csv", people: .empty)
        let message = try #require(corpus.messages.first)
        #expect(message.senders.count == 2)
        #expect(corpus.people.people.filter(\.unidentified).isEmpty)
    }
}
