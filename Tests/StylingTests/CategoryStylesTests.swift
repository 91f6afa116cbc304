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
        #expect(run["Truman"].color == theme.palettes.people.colors[3])
        #expect(Set(people.map { run[$0].color }).count == people.count, "six people, six colours")
        #expect(Set(people.map { run[$0].marker }).count == people.count, "and six marker shapes")
    }

    @Test func theFirstNTakeThePaletteAndTheRestAreOthers() throws {
        let palette = CategoryPalette(colors: [.black, RGBColor(hex: "#777777")!, .black],
                                      dashes: [.solid, DashPattern([4, 2])], markers: [.circle, .square, .triangle],
                                      other: RGBColor(hex: "#bbbbbb")!)
        #expect(palette.capacity == 3, "three entries: black circle, grey dashed square, black triangle")
        let styles = CategoryStyles(keys: ["a", "b", "c", "d", "a", "e"], palette: palette, pins: [:])
        #expect(styles.keys == ["a", "b", "c", "d", "e"], "repeats dropped, first position kept")
        #expect(styles.named == ["a", "b", "c"])
        #expect(styles["a"] == CategoryStyle(color: .black, dash: .solid, marker: .circle))
        #expect(styles["b"] == CategoryStyle(color: RGBColor(hex: "#777777")!, dash: DashPattern([4, 2]), marker: .square))
        #expect(styles["c"] == CategoryStyle(color: .black, dash: .solid, marker: .triangle))
        #expect(styles["d"] == styles.other && styles["e"] == styles.other, "past the palette: others, never a repeated look")
        #expect(styles.isOther("d") && !styles.isOther("a"))
        #expect(styles["zzz"] == styles.other)
        #expect(styles.other.color.hex == "#bbbbbb")
        #expect(!styles.contains("zzz"))
        let split = styles.split(["e", "a", "d", "c"])
        #expect(split.named == ["a", "c"] && split.others == ["d", "e"])
    }

    @Test func capacityStopsAtTheFirstEntryThatLooksLikeAnEarlierOneInColourOrGrey() {
        // Entry 2 repeats entry 0's look: only two categories get colours.
        let repeated = CategoryPalette(colors: [.black, .white, .black], dashes: [.solid], markers: [.circle, .square],
                                       other: RGBColor(hex: "#888888")!)
        #expect(repeated.capacity == 2)
        // Red and green of equal lightness, same marker: apart in colour, alike in grey.
        let red = RGBColor(hex: "#d62728")!, sameGreyGreen = RGBColor(hex: "#3d8a3d")!
        #expect(abs(red.greyLightness - sameGreyGreen.greyLightness) < CategoryPalette.minimumGreyStep)
        let alikeInGrey = CategoryPalette(colors: [red, sameGreyGreen], dashes: [.solid], markers: [.circle],
                                          other: RGBColor(hex: "#cccccc")!)
        #expect(alikeInGrey.capacity == 1)
        let withShapes = CategoryPalette(colors: [red, sameGreyGreen], dashes: [.solid], markers: [.circle, .square],
                                         other: RGBColor(hex: "#cccccc")!)
        #expect(withShapes.capacity == 2, "a marker of its own tells them apart in grey")
        // An entry that looks like "others" ends the palette too.
        let likeOthers = CategoryPalette(colors: [.black, RGBColor(hex: "#888888")!], dashes: [.solid], markers: [.square, .circle, .triangle, .diamond, .triangleDown, .pentagon, .hexagon],
                                         other: RGBColor(hex: "#888888")!)
        #expect(likeOthers.capacity == 1)
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
        #expect(topics["lend-lease"].color == theme.palettes.topics.colors[0], "people's pins do not apply to topics")
        // A pinned key is named whatever its rank, and the named count stays the capacity.
        let many = theme.peopleStyles((0..<20).map { "p\($0)" } + ["Churchill"])
        #expect(many.named.count == theme.palettes.people.capacity && many.named.contains("Churchill"))
    }

    @Test(arguments: ["paper", "paper,grayscale", "paper,colorblind", "dark", "presentation"])
    func noTwoNamedCategoriesLookAlikeAndPeopleAndTopicsShareNoColour(spec: String) throws {
        let theme = try ThemeLoader.load(spec: spec)
        let keys = (0..<40).map { "k\($0)" }
        for palette in [theme.palettes.people, theme.palettes.topics] {
            #expect(palette.capacity >= 4, "\(spec): a palette should colour at least four categories")
            let styles = CategoryStyles(keys: keys, palette: palette, pins: [:])
            #expect(styles.named.count == palette.capacity)
            let looks = styles.named.map { styles[$0] } + [styles.other]
            #expect(Set(looks).count == looks.count, "\(spec): two named categories (or one and others) look the same")
            #expect(keys.dropFirst(palette.capacity).allSatisfy { styles[$0] == styles.other })
        }
        if !spec.contains("grayscale") {
            let shared = Set(theme.palettes.people.colors).intersection(theme.palettes.topics.colors)
            #expect(shared.isEmpty, "\(spec): people and topics share \(shared)")
        }
    }
}
