import Testing
@testable import Analysis

/// `WordSequence` keeps 16 bytes a word and finds a word's key and line again (issue 17: a
/// 63 MB body took 400 MB of words): every word's key, hash and line must be what the word
/// alone, and a plain count of newlines, give, wherever folding starts and however long the text.
@Suite struct WordSequenceTests {
    /// Every word of `seq` checked against the word on its own and a count of the newlines before it.
    static func checkEachWord(_ seq: WordSequence, in text: String, firstLine: Int) {
        // The newlines before each byte, counted plainly.
        var newlinesBefore: [Int] = [0]
        for b in text.utf8 { newlinesBefore.append(newlinesBefore[newlinesBefore.count - 1] + (b == 0x0A ? 1 : 0)) }
        for i in 0..<seq.count {
            let word = seq.word(i)
            let alone = WordSequence(word, firstLine: 1)
            #expect(alone.count == 1, "\(word) is one word")
            #expect(seq.key(i) == alone.key(0), "key of word \(i) (\(word))")
            #expect(seq.words[i].hash == alone.words[0].hash, "hash of word \(i) (\(word))")
            #expect(seq.words[i].hash == WordSequence.hash(of: Array(seq.key(i).utf8)), "hash of key \(i)")
            #expect(seq.wordEquals(i, WordSequence.words(of: word)[0]))
            #expect(seq.line(i) == firstLine + newlinesBefore[Int(seq.words[i].start)], "line of word \(i) (\(word))")
        }
    }

    @Test func keysAndLinesOfAMixedText() {
        let text = "Lend-Lease to the U.S.S.R.\nŁódź and LODZ, de Gaulle's\n\nthe émigré and e\u{301}migre\u{301} – emigre\u{00A0}Zürich³ end"
        let seq = WordSequence(text, firstLine: 40)
        #expect((0..<seq.count).map(seq.key) == ["lend", "lease", "to", "the", "u", "s", "s", "r", "lodz", "and", "lodz", "de",
                                                 "gaulle", "s", "the", "emigre", "and", "emigre", "emigre", "zurich", "end"])
        #expect((0..<seq.count).map(seq.line) == [40, 40, 40, 40, 40, 40, 40, 40, 41, 41, 41, 41, 41, 41, 43, 43, 43, 43, 43, 43, 43])
        #expect(seq.word(8) == "Łódź" && seq.word(10) == "LODZ")
        #expect(seq.text(from: 14, through: 16) == "the émigré and")
        WordSequenceTests.checkEachWord(seq, in: text, firstLine: 40)
    }

    @Test func folding_startingLateInALongTextKeepsEveryEarlierAndLaterKey() {
        // 3,000 ASCII lines, then non-ASCII words mid-line, then ASCII again: more than 64 kB
        // (the words are counted before they are made).
        var text = ""
        for n in 0..<3_000 { text += "Line \(n) of the Soviet Government's telegram to Mr Churchill\n" }
        text += "Mikołajczyk met Łódź delegates; Poland and POLAND, Krakow and Kraków.\n"
        for n in 0..<500 { text += "after \(n) the Curzon Line\n" }
        #expect(text.utf8.count > 1 << 16)
        let seq = WordSequence(text, firstLine: 7)
        #expect(seq.count == 3_000 * 11 + 10 + 500 * 5)
        let folded = 3_000 * 11
        #expect(seq.key(folded) == "mikolajczyk" && seq.line(folded) == 3_007)
        #expect(seq.key(folded + 9) == "krakow" && seq.key(folded + 7) == "krakow")
        #expect(seq.key(seq.count - 1) == "line" && seq.line(seq.count - 1) == 7 + 3_000 + 500)
        WordSequenceTests.checkEachWord(seq, in: text, firstLine: 7)
    }

    @Test func aLongLineAndAWordLimit() {
        let text = String(repeating: "Übersee-Handel und Zoll ", count: 20_000) + "\nEnde"
        let seq = WordSequence(text, firstLine: 1)
        #expect(seq.count == 80_001)
        #expect(seq.line(80_000) == 2 && seq.line(79_999) == 1)
        #expect(seq.key(0) == "ubersee" && seq.key(4) == "ubersee" && seq.key(80_000) == "ende")
        let opening = WordSequence(text, firstLine: 1, wordLimit: 8)
        #expect(opening.count == 8)
        for i in 0..<8 {
            #expect(opening.words[i].hash == seq.words[i].hash && opening.words[i].start == seq.words[i].start
                    && opening.words[i].end == seq.words[i].end && opening.key(i) == seq.key(i) && opening.line(i) == seq.line(i))
        }
        #expect(opening.text(from: 0, through: 7) == "Übersee-Handel und Zoll Übersee-Handel und Zoll")
        #expect(MemoryLayout<WordSequence.Word>.stride == 16)
    }

    @Test func prefixesAndEqualityUseTheFoldedKeys() {
        let seq = WordSequence("plain words then Émigrés and Emigration", firstLine: 1)
        #expect(seq.wordHasPrefix(3, Array("emig".utf8)) && seq.wordHasPrefix(5, Array("EMIG".utf8)))
        #expect(seq.wordEquals(3, Array("emigres".utf8)) && !seq.wordEquals(3, Array("emigre".utf8)))
        #expect(seq.wordEquals(1, Array("WORDS".utf8)) && !seq.wordHasPrefix(2, Array("thenx".utf8)))
        #expect(seq.isCapitalised(3) && !seq.isCapitalised(0))
    }
}
