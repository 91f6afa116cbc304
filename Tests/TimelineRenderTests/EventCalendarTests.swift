import Correspondence
import Testing
@testable import TimelineRender

@Suite("Event calendar data file")
struct EventCalendarTests {
    @Test("the bundled calendar holds the meetings of the three with their dates")
    func bundled() throws {
        let c = try EventCalendar.bundled()
        let byID = Dictionary(uniqueKeysWithValues: c.events.map { ($0.id, $0) })
        #expect(byID["tehran"]?.start == Day(iso: "1943-11-28"))
        #expect(byID["tehran"]?.end == Day(iso: "1943-12-01"))
        #expect(byID["yalta"]?.start == Day(iso: "1945-02-04"))
        #expect(byID["potsdam"]?.end == Day(iso: "1945-08-02"))
        #expect(byID["d-day"]?.start == Day(iso: "1944-06-06"))
        #expect(byID["stalingrad"]?.end == Day(iso: "1943-02-02"))
        #expect(byID["barbarossa"]?.start == Day(iso: "1941-06-22"))
        #expect(c.events.allSatisfy { $0.label.count <= 20 }, "labels must stay short")
        #expect(c.events == c.events.sorted { ($0.start, $0.end, $0.id) < ($1.start, $1.end, $1.id) })
    }

    @Test("errors name the file and line")
    func errors() throws {
        let cases: [(String, Int, String)] = [
            ("[[event]]\nid = \"a\"\nlabel = \"A\"\nstart = \"1943-13-01\"\nkind = \"military\"\n", 4, "YYYY-MM-DD"),
            ("[[event]]\nid = \"a\"\nlabel = \"A\"\nstart = \"1943-01-01\"\nkind = \"naval\"\n", 5, "conference"),
            ("[[event]]\nid = \"a\"\nlabel = \"A\"\nstart = \"1943-01-01\"\nkind = \"military\"\ncolour = \"red\"\n", 6, "unknown key"),
            ("[[event]]\nid = \"a\"\nlabel = \"A\"\nstart = \"1943-02-01\"\nend = \"1943-01-01\"\nkind = \"military\"\n", 5, "before it starts"),
            ("[[event]]\nid = \"a\"\nlabel = \"A\"\nstart = \"1943-01-01\"\nkind = \"military\"\n[[event]]\nid = \"a\"\nlabel = \"B\"\nstart = \"1943-01-01\"\nkind = \"military\"\n", 7, "twice"),
        ]
        for (text, line, words) in cases {
            do {
                _ = try EventCalendar.parse(text, file: "ev.toml")
                Issue.record("expected an error for \(text)")
            } catch let e as EpistolaryError {
                #expect(e.file == "ev.toml")
                #expect(e.line == line, "\(e)")
                #expect(e.message.contains(words), "\(e)")
            }
        }
    }

    @Test("events are chosen by overlap with the range")
    func overlap() throws {
        let c = try EventCalendar.bundled()
        let ids = c.events(from: Day(iso: "1943-01-01")!, to: Day(iso: "1943-01-31")!).map(\.id)
        #expect(ids.contains("stalingrad"))
        #expect(ids.contains("casablanca"))
        #expect(!ids.contains("tehran"))
    }
}
