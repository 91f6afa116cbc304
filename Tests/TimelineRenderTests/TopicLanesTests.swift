import Analysis
import Correspondence
import Styling
import Testing
@testable import TimelineRender

/// The topics figure's light data path must give exactly the lanes of the full figure data.
@Suite("Topic lanes straight from the analysis")
struct TopicLanesTests {
    /// Lanes from the analysis and from `TimelineData` (narrowed as the figure maker narrows it).
    static func both(from: Day? = nil, to: Day? = nil, topics: [String]? = nil) throws -> (fast: TopicLanes, full: TopicLanes) {
        let a = try BundledRun.analysis.get().filtered(from: from, to: to, topics: topics)
        var data = TimelineData(analysis: a, from: from, to: to)
        if let topics {
            data.topics = data.topics.filter { topics.contains($0.id) }
            data.entries = data.entries.map { e in
                var e = e
                e.topics = e.topics.filter { topics.contains($0) }
                return e
            }
        }
        let range = try #require(data.range)
        let fast = try #require(TopicLanes(analysis: a, from: from, to: to, topics: topics))
        return (fast, TopicLanes(data: data, range: range))
    }

    static func expectSame(_ x: TopicLanes, _ y: TopicLanes) {
        #expect(x.range.from == y.range.from && x.range.to == y.range.to)
        #expect(x.lanes.map(\.id) == y.lanes.map(\.id))
        #expect(x.lanes.map(\.label) == y.lanes.map(\.label))
        #expect(x.days == y.days)
        #expect(x.ids == y.ids)
        #expect(x.shown == y.shown)
    }

    @Test("whole corpus: same lanes, days and ids, every message in at least one lane")
    func wholeCorpus() throws {
        let (fast, full) = try Self.both()
        Self.expectSame(fast, full)
        #expect(fast.shown > 300)
        #expect(Set(fast.ids.flatMap { $0 }).count == fast.shown)
        for days in fast.days { #expect(days == days.sorted()) }
    }

    @Test("a date range and a topic filter give the same lanes as the full data")
    func narrowed() throws {
        let from = Day(year: 1942, month: 1, day: 1), to = Day(year: 1943, month: 6, day: 30)
        let (fast, full) = try Self.both(from: from, to: to)
        Self.expectSame(fast, full)
        #expect(fast.range.from == from && fast.range.to == to)
        let (f2, g2) = try Self.both(topics: ["supplies", "poland"])
        Self.expectSame(f2, g2)
        #expect(f2.lanes.prefix(2).map(\.id) == ["poland", "supplies"])
    }

    @Test("a message on no topic is in the last lane, labelled as such")
    func noTopicLane() throws {
        let (fast, _) = try Self.both()
        let last = try #require(fast.lanes.last)
        #expect(last.id == TopicLanes.noTopic && last.label == "no topic found")
        #expect(!(fast.days.last ?? []).isEmpty)
    }
}
