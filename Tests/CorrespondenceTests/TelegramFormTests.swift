import Foundation
import Testing
import Correspondence

/// Each header and date form of the telegram text, as a small inline example.
@Suite struct TelegramFormTests {
    let people: PersonTable

    init() throws {
        people = try PersonTable.bundled()
    }

    func read(_ text: String) throws -> [Message] {
        try TelegramReader.read(text: text, sourceName: "inline.txt", people: people).messages.sorted { $0.span.startLine < $1.span.startLine }
    }

    @Test func boldHeaderOverTwoLinesWithSentOn() throws {
        let m = try read("""
        Sent on September 13, 1941

        **PERSONAL MESSAGE FROM PREMIER STALIN
        TO THE PRIME MINISTER, Mr. CHURCHILL**

        Thank you for your message of September 4.
        """)
        #expect(m.count == 1)
        #expect(m[0].sender == "Stalin" && m[0].recipients == ["Churchill"])
        #expect(m[0].sentOn?.iso == "1941-09-13" && m[0].dated == nil)
        #expect(m[0].classification == "personal")
        #expect(m[0].span.startLine == 3)
        #expect(m[0].references.first?.date?.iso == "1941-09-04")
        #expect(m[0].references.first?.whose == .yours)
    }

    @Test func plainOneLineHeaderAndTrailingDate() throws {
        let m = try read("""
        J. V. STALIN TO F. ROOSEVELT

        My dear Mr Roosevelt,

        Your letter has reached me.

        Yours very sincerely,

        J. STALIN

        October 3, 1941
        """)
        #expect(m[0].recipients == ["Roosevelt"])
        #expect(m[0].dated?.iso == "1941-10-03")
        #expect(m[0].salutation == "My dear Mr Roosevelt,")
        #expect(m[0].signature == "Yours very sincerely, J. STALIN")
        #expect(m[0].body == "Your letter has reached me.")
        #expect(m[0].span.endLine == 11)
    }

    @Test func classificationLineStandingApart() throws {
        let m = try read("""
        PERSONAL AND SECRET

        J. V. STALIN TO W. CHURCHILL

        I have received your message of March 20.

        March 29, 1942
        """)
        #expect(m.count == 1)
        #expect(m[0].span.startLine == 1)
        #expect(m[0].classification == "personal and secret")
        #expect(m[0].dated?.iso == "1942-03-29")
    }

    @Test func headerVariants() throws {
        let m = try read("""
        **REPLY FROM PREMIER STALIN
        TO MESSAGE FROM PRESIDENT ROOSEVELT**

        Your message of October 12 to hand.

        October 15, 1942

        **MESSAGE FOR THE PRIME MINISTER, Mr CHURCHILL,
        FROM J. V. STALIN**

        Text one.

        October 16, 1942

        **MESSAGE FROM MARSHAL STALIN
        TO PRIME MINISTER W. CHURCHILL**

        Text two.

        October 17, 1942

        **MESSAGE
        FROM PREMIER J. V. STALIN
        TO PRESIDENT F. D. ROOSEVELT**

        Text three.

        October 18, 1942

        **SECRET AND PERSONAL TO PRESIDENT ROOSEVELT
        AND PRIME MINISTER CHURCHILL
        FROM PREMIER STALIN**

        Text four.

        October 19, 1942

        COPY. SECRET

        **TO MAJOR-GENERAL JOHN R. DEANE,
        HEAD OF THE MILITARY MISSION**

        Dear General Deane,

        Text five.

        Truly yours,

        October 20, 1942

        Army General ANTONOV,
        Chief of Staff of the Red Army
        """)
        #expect(m.count == 6)
        #expect(m[0].recipients == ["Roosevelt"] && m[0].sender == "Stalin")
        #expect(m[1].recipients == ["Churchill"] && m[1].sender == "Stalin")
        #expect(m[2].sender == "Stalin" && m[2].classification == "")
        #expect(m[3].recipients == ["Roosevelt"])
        #expect(m[4].recipients == ["Roosevelt", "Churchill"])
        #expect(m[4].classification == "secret and personal")
        #expect(m[5].sender == "Antonov" && m[5].recipients == ["Deane"])
        #expect(m[5].classification == "secret")
        #expect(m[5].dated?.iso == "1942-10-20")
        #expect(m[5].span.endLine == 52)
    }

    @Test func headerSplitByBlankLinesAndMixedBold() throws {
        let m = try read("""
        PERSONAL AND SECRET MESSAGE

        FROM PREMIER J. V. STALIN

        **TO THE PRESIDENT, Mr FRANKLIN D. ROOSEVELT,
        AND THE PRIME MINISTER, Mr WINSTON CHURCHILL**

        Text.

        September 7, 1943
        """)
        #expect(m.count == 1)
        #expect(m[0].span.startLine == 1)
        #expect(m[0].recipients == ["Roosevelt", "Churchill"])
        #expect(m[0].classification == "personal and secret")
    }

    @Test func headerWithoutSenderUsesThePrincipalAndKeepsTheAddress() throws {
        let m = try read("""
        J. V. STALIN TO W. CHURCHILL

        One.

        May 1, 1943

        J. V. STALIN TO W. CHURCHILL

        Two.

        May 2, 1943

        **TO Mr FRANKLIN D. ROOSEVELT,
        PRESIDENT OF THE UNITED STATES OF AMERICA**

        The White House, Washington

        Thank you for your congratulations.

        May 3, 1943
        """)
        #expect(m[2].sender == "Stalin")
        #expect(m[2].recipients == ["Roosevelt"])
        #expect(m[2].address == "The White House, Washington")
        #expect(m[2].place == nil)
    }

    @Test func explicitNameWinsOverThePresident() throws {
        let m = try read("""
        **PERSONAL AND SECRET FROM PREMIER J. V. STALIN
        TO THE PRESIDENT, Mr H. TRUMAN**

        Text.

        May 2, 1945
        """)
        #expect(m[0].recipients == ["Truman"])
    }

    @Test func dateLineForms() throws {
        let m = try read("""
        TO Mr HARRY S. TRUMAN,
        PRESIDENT OF THE UNITED STATES OF AMERICA

        Berlin

        My dear Mr President,

        Text one.

        Berlin, July 29, 1945

        J. STALIN

        **PERSONAL AND MOST SECRET MESSAGE
        FROM Mr CHURCHILL TO MARSHAL STALIN**

        Text two.

        January 16th, 1945

        **PERSONAL AND SECRET FROM PREMIER J. V. STALIN
        TO THE PRESIDENT, Mr F. D. ROOSEVELT**

        Text three.
        January 15, 1945.
        """)
        #expect(m[0].place == "Berlin" && m[0].address == "Berlin")
        #expect(m[0].dated?.iso == "1945-07-29")
        #expect(m[0].span.endLine == 12)
        #expect(m[1].sender == "Churchill" && m[1].recipients == ["Stalin"])
        #expect(m[1].dated?.iso == "1945-01-16")
        #expect(m[2].dated?.iso == "1945-01-15")
    }

    @Test func dateBeforeHeaderGoesToTheNextMessage() throws {
        let m = try read("""
        Sent on March 14, 1942

        J. V. STALIN TO W. CHURCHILL

        Thank you for your message, transmitted in Kuibyshev on March 12.

        March 29, 1942

        PERSONAL AND SECRET

        J. V. STALIN TO W. CHURCHILL

        Text without a date.

        J. V. STALIN TO H. TRUMAN

        Text.

        May 7, 1945

        May 9, 1945

        **MESSAGE FROM PREMIER J. V. STALIN
        TO THE PRESIDENT, Mr TRUMAN**

        Text.
        """)
        #expect(m[0].sentOn?.iso == "1942-03-14" && m[0].dated == nil)
        #expect(m[0].span.endLine == 5)
        #expect(m[0].references.first?.relation == .received)
        #expect(m[0].references.first?.date?.iso == "1942-03-12")
        #expect(m[1].dated?.iso == "1942-03-29")
        #expect(m[2].dated?.iso == "1945-05-07")
        #expect(m[3].dated?.iso == "1945-05-09")
    }

    @Test func dateFusedToHeaderAndQuotedDate() throws {
        let m = try read("""
        J. V. STALIN TO W. CHURCHILL

        Text.

        April 29, 1943

        May 4, 1943 **PERSONAL AND SECRET MESSAGE**
        FROM PREMIER J. V. STALIN
        TO THE PRIME MINISTER, Mr W. CHURCHILL

        In sending my message of April 21 I wrote to you.

        **PERSONAL AND MOST SECRET
        FROM PREMIER J. V. STALIN
        TO PRESIDENT FRANKLIN D. ROOSEVELT**

        "I wish you success.

        "November 12, 1943."
        """)
        #expect(m[1].span.startLine == 7)
        #expect(m[1].dated?.iso == "1943-05-04")
        #expect(m[1].references.first?.whose == .mine)
        #expect(m[2].dated == nil)
        #expect(m[2].span.endLine == 19)
    }

    @Test func sentOnAfterTheHeader() throws {
        let m = try read("""
        FOR PRESIDENT ROOSEVELT

        Sent on November 9, 1944

        Washington

        I congratulate you on your re-election.

        J. STALIN
        """)
        #expect(m[0].sentOn?.iso == "1944-11-09")
        #expect(m[0].address == "Washington")
    }

    @Test func pageBreaksMarkersAndMarkdown() throws {
        let m = try read("""
        J. V. STALIN TO W. CHURCHILL

        I have no doubt that Soviet pilots will suc-

        ceed in mastering them³ and the *Scharnhorst* cost \\$1,000,000,000^{as} for the French rep-

        representatives on the commission, which is now
        well under way.

        May 1, 1943
        """)
        #expect(m[0].body == "I have no doubt that Soviet pilots will succeed in mastering them and the Scharnhorst cost $1,000,000,000 for the French representatives on the commission, which is now well under way.")
    }

    @Test func referencePhrasings() throws {
        let m = try read("""
        J. V. STALIN TO W. CHURCHILL

        I have received both your messages of July 31.

        Your messages of April 10 and 11 have reached me.

        Your message of September 8 reached me on September 9.

        I refer to my message of August 7, in answer to mine of January 11th.

        Mr Churchill's message of June 2 was handed to me on June 3.

        I agree to July 15 as the date of the meeting.

        September 20, 1943
        """)
        let refs = m[0].references.map { "\($0.whose.rawValue) \($0.relation.rawValue) \($0.date?.iso ?? "-")" }
        #expect(refs.contains("yours of 1943-07-31"))
        #expect(refs.contains("yours of 1943-04-10") && refs.contains("yours of 1943-04-11"))
        #expect(refs.contains("yours of 1943-09-08") && refs.contains("yours received 1943-09-09"))
        #expect(refs.contains("mine of 1943-08-07") && refs.contains("mine of 1943-01-11"))
        #expect(refs.contains("yours of 1943-06-02"))
        #expect(refs.contains("yours received 1943-06-03"))
        #expect(!refs.contains { $0.hasSuffix("07-15") })
    }

    @Test func yearOfAReferenceCrossesTheNewYear() throws {
        let m = try read("""
        **PERSONAL AND SECRET FROM PREMIER J. V. STALIN
        TO THE PRESIDENT, Mr F. ROOSEVELT**

        Your message of December 31 received.

        January 1, 1945
        """)
        #expect(m[0].references.first?.date?.iso == "1944-12-31")
    }

    @Test func orphanTextIsAFragment() throws {
        let corpus = try TelegramReader.read(text: """
        J. V. STALIN TO W. CHURCHILL

        Thank you for your congratulations on the successes of the Red Army.

        settlement of the situation in Trieste-Istria necessitates agreement with the Yugoslav Government.

        June 8, 1945

        J. V. STALIN TO W. CHURCHILL

        Text.

        June 10, 1945
        """, sourceName: "inline.txt", people: people)
        let fragment = try #require(corpus.messages.first { $0.kind == .fragment })
        #expect(fragment.span.startLine == 5 && fragment.span.endLine == 7)
        #expect(fragment.dated?.iso == "1945-06-08")
        #expect(corpus.issues.contains { $0.kind == .fragment && $0.span.startLine == 5 })
    }

    @Test func undatedMessageIsBoundedAndReported() throws {
        let corpus = try TelegramReader.read(text: """
        J. V. STALIN TO W. CHURCHILL

        One.

        June 11, 1943

        J. V. STALIN TO F. ROOSEVELT

        Two.

        J. V. STALIN TO W. CHURCHILL

        Three.

        June 24, 1943
        """, sourceName: "inline.txt", people: people)
        let undated = try #require(corpus.messages.first { $0.span.startLine == 7 })
        #expect(undated.date.notBefore?.iso == "1943-06-11" && undated.date.notAfter?.iso == "1943-06-24")
        #expect(undated.date.precision == .range && undated.date.evidence == .neighbours)
        #expect(undated.id == "\(undated.date.best?.iso ?? "")-stalin-roosevelt")
        #expect(undated.date.best?.iso.hasPrefix("1943-06-1") == true)
        #expect(corpus.issues.contains { $0.kind == .undated && $0.messageIDs == [undated.id] })
    }

    @Test func unknownAddresseeIsAddedToThePeople() throws {
        let corpus = try TelegramReader.read(text: """
        **FROM PREMIER J. V. STALIN
        TO GENERAL CHARLES DE LATTRE**

        Text.

        May 9, 1945
        """, sourceName: "inline.txt", people: people)
        // Made by the one identity rule: the id is the slug of the name as shown.
        #expect(corpus.messages[0].recipients == ["lattre"])
        #expect(corpus.people["lattre"]?.name == "Lattre")
    }

    @Test func crlfAndBOMReadLikeLF() throws {
        let text = "J. V. STALIN TO W. CHURCHILL\n\nText.\n\nMay 1, 1943\n"
        let crlf = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
        let a = try read(text), b = try read(crlf)
        #expect(a == b)
        #expect(b[0].dated?.iso == "1943-05-01")
    }
}
