import Correspondence
import Testing
@testable import Drawing
@testable import TimelineRender

@Suite("Time scale: tick choice and labels that never collide")
struct TimeScaleTests {
    let font = FontSpec(family: "DejaVu Sans", size: 7)

    func scale(_ from: String, _ to: String, width: Double) throws -> TimeScale {
        TimeScale(from: Day(iso: from)!, to: Day(iso: to)!, x0: 40, x1: 40 + width, font: font, measurer: try TextMeasurer())
    }

    func assertNoCollisions(_ s: TimeScale, _ m: TextMeasurer) {
        let boxes = s.ticks.compactMap { t in t.label.map { (t.labelX - m.width($0, font: font) / 2, t.labelX + m.width($0, font: font) / 2) } }
        for (a, b) in zip(boxes, boxes.dropFirst()) {
            #expect(a.1 < b.0, "tick labels collide: \(a) \(b) at step \(s.step)")
        }
        let ctx = s.context.map { ($0.x - m.width($0.label, font: font) / 2, $0.x + m.width($0.label, font: font) / 2) }
        for (a, b) in zip(ctx, ctx.dropFirst()) {
            #expect(a.1 < b.0, "context labels collide at step \(s.step)")
        }
        for t in s.ticks where t.label != nil {
            #expect(t.x >= s.x0 - 0.01 && t.x <= s.x1 + 0.01)
        }
    }

    @Test("the step follows the span", arguments: [
        ("1944-06-01", "1944-06-07", TickStep.Unit.day),
        ("1944-06-01", "1944-07-15", TickStep.Unit.week),
        ("1943-01-01", "1943-12-31", TickStep.Unit.month),
        ("1941-06-22", "1945-12-31", TickStep.Unit.month),
        ("1930-01-01", "1945-12-31", TickStep.Unit.year),
    ])
    func stepFollowsSpan(from: String, to: String, unit: TickStep.Unit) throws {
        let s = try scale(from, to, width: 450)
        #expect(s.step.unit == unit, "\(from)...\(to) chose \(s.step)")
        #expect(s.ticks.filter { $0.label != nil }.count >= 2)
    }

    @Test("a week to five years, at many widths: at least two labels, none colliding", arguments: [7, 10, 30, 45, 90, 180, 365, 500, 730, 1100, 1461, 1826])
    func noCollisions(days: Int) throws {
        let m = try TextMeasurer()
        let start = Day(iso: "1941-06-22")!
        for width in stride(from: 120.0, through: 1200, by: 90) {
            let s = TimeScale(from: start, to: start.adding(days: days - 1), x0: 30, x1: 30 + width, font: font, measurer: m)
            assertNoCollisions(s, m)
            #expect(s.ticks.filter { $0.label != nil }.count >= 2, "\(days) days at \(width) pt: \(s.step)")
        }
    }

    @Test("wider axes get finer steps, never coarser")
    func finerWhenWider() throws {
        let order = TickStep.candidates
        var previous = order.count
        for width in [150.0, 300, 600, 1200, 2400] {
            let s = try scale("1942-01-01", "1943-12-31", width: width)
            let i = order.firstIndex(of: s.step)!
            #expect(i <= previous)
            previous = i
        }
    }

    @Test("month ticks fall on the first of the month and carry year context")
    func monthTicks() throws {
        let s = try scale("1943-02-10", "1944-03-20", width: 500)
        #expect(s.step.unit == .month)
        #expect(s.ticks.allSatisfy { $0.day.day == 1 && ($0.day.month - 1) % s.step.count == 0 })
        #expect(s.context.map(\.label).contains("1943"))
        #expect(s.context.map(\.label).contains("1944") || s.x(Day(iso: "1944-03-20")!) - s.xStart(Day(iso: "1944-01-01")!) < 20)
    }

    @Test("week ticks are Mondays")
    func weekTicks() throws {
        let s = try scale("1944-06-01", "1944-07-20", width: 400)
        #expect(s.step.unit == .week)
        // 1944-06-05 was a Monday.
        let monday = Day(iso: "1944-06-05")!.ordinal
        #expect(s.ticks.allSatisfy { ($0.day.ordinal - monday) % 7 == 0 })
    }

    @Test("days map linearly, a day's middle between its start and end")
    func mapping() throws {
        let s = try scale("1944-01-01", "1944-12-31", width: 366)
        #expect(abs(s.xStart(Day(iso: "1944-01-01")!) - 40) < 1e-9)
        #expect(abs(s.xEnd(Day(iso: "1944-12-31")!) - 406) < 1e-9)
        #expect(abs(s.x(Day(iso: "1944-01-02")!) - 41.5) < 1e-9)
        #expect(s.day(atX: 41.5) == Day(iso: "1944-01-02")!)
    }

    @Test("a single day still gives a usable axis")
    func singleDay() throws {
        let s = try scale("1945-05-08", "1945-05-08", width: 300)
        #expect(s.x1 > s.x0)
        #expect(!s.ticks.isEmpty)
    }
}
