import Testing
@testable import Styling

/// Each person and topic keeps one style across every figure of a run; pins are honoured.
@Suite struct CategoryStylesTests {
    let people = ["Stalin", "Churchill", "Roosevelt", "Truman", "Attlee", "Antonov"]

    @Test func sameKeySameStyleWhateverTheFigureShows() throws {
        let theme = try ThemeLoader.load(spec: "paper")
        let run = theme.peopleStyles(people)
        let again = theme.peopleStyles(people)
        #expect(run == again, "built twice from the same list, identical")
        for id in people { #expect(run[id] == again.style(for: id)) }
        // A figure filtered to two people asks the run's styles, not a new list: unchanged.
        #expect(run["Truman"].color == theme.categories.colors[3])
        #expect(Set(people.map { run[$0].color }).count == people.count, "six people, six colours")
        #expect(Set(people.map { run[$0].marker }).count == people.count, "and six marker shapes")
    }

    @Test func paletteOrderDashesAndMarkersCycle() throws {
        let palette = CategoryPalette(colors: [.black, .white], dashes: [.solid, DashPattern([4, 2]), DashPattern([1, 1])],
                                      markers: [.circle, .square], other: RGBColor(hex: "#888888")!)
        let styles = CategoryStyles(keys: ["a", "b", "c", "d", "a"], palette: palette, pins: [:])
        #expect(styles.keys == ["a", "b", "c", "d"], "repeats dropped, first position kept")
        #expect(styles["a"] == CategoryStyle(color: .black, dash: .solid, marker: .circle))
        #expect(styles["b"] == CategoryStyle(color: .white, dash: DashPattern([4, 2]), marker: .square))
        #expect(styles["c"] == CategoryStyle(color: .black, dash: DashPattern([1, 1]), marker: .circle))
        #expect(styles["d"] == CategoryStyle(color: .white, dash: .solid, marker: .square))
        #expect(styles["zzz"] == styles.other)
        #expect(styles.other.color.hex == "#888888")
        #expect(!styles.contains("zzz"))
    }

    @Test func pinsWinAndPinnedColoursAreNotReused() throws {
        let path = "[pins.people]\nChurchill = \"#0072B2\"\n[pins.topics]\npoland = \"#D55E00\"\n"
        let sheet = try ThemeSheet.parse(path, name: "pins", file: "pins.toml")
        var settings = try ThemeLoader.settings(spec: "paper,colorblind")
        settings.merge(sheet)
        let theme = try ThemeResolver(settings: settings).theme()
        let styles = theme.peopleStyles(people)
        #expect(styles["Churchill"].color.hex == "#0072b2")
        let others = people.filter { $0 != "Churchill" }.map { styles[$0].color }
        #expect(!others.contains(styles["Churchill"].color), "a pinned colour is not given to anyone else")
        #expect(Set(others).count == others.count)
        #expect(styles["Stalin"].color.hex == "#d55e00", "the first unpinned person takes the first free colour")
        // Pins hold whatever the run's order.
        let reordered = theme.peopleStyles(people.reversed())
        #expect(reordered["Churchill"].color.hex == "#0072b2")
        let topics = theme.topicStyles(["lend-lease", "second-front", "poland"])
        #expect(topics["poland"].color.hex == "#d55e00")
        #expect(topics["lend-lease"].color.hex == "#0072b2", "people's pins do not apply to topics")
    }

    @Test func moreCategoriesThanColoursStillDiffer() throws {
        let theme = try ThemeLoader.load(spec: "paper,grayscale")
        let keys = (0..<40).map { "topic\($0)" }
        let styles = theme.topicStyles(keys)
        let looks = Set(keys.map { styles[$0] })
        #expect(looks.count == 40, "4 greys x 5 dashes x 7 markers: the first 140 all differ")
    }
}
