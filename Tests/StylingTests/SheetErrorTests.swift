import Testing
import TOMLReader
@testable import Styling

/// A bad sheet is an error naming the file, the line and the key, with the nearest valid key.
@Suite struct SheetErrorTests {
    /// The error parsing `text` as mine.toml throws.
    func error(_ text: String) -> TOMLError? {
        do {
            _ = try ThemeSheet.parse(text, name: "mine.toml", file: "mine.toml")
            return nil
        } catch let error as TOMLError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    @Test func unknownKeySuggestsTheNearest() {
        let e = error("""
        [page]
        width_mm = 89
        widht_mm = 90
        """)
        #expect(e?.description == "mine.toml:3: unknown key page.widht_mm; did you mean page.width_mm?")
        #expect(e?.key == "page.widht_mm")
        #expect(error("[timeline.lane]\nheigth_mm = 5")?.description
                == "mine.toml:2: unknown key timeline.lane.heigth_mm; did you mean timeline.lane.height_mm?")
        #expect(error("\n[colours]\nink = \"#000000\"")?.description == "mine.toml:2: unknown key colours; did you mean colors?")
    }

    @Test func keyInTheWrongTableNamesWhereItBelongs() {
        let e = error("dpi = 300")
        #expect(e?.line == 1)
        #expect(e?.message == "unknown key dpi; did you mean page.dpi?")
        let far = error("[legend]\nzebra = 1")
        #expect(far?.message.hasPrefix("unknown key legend.zebra; expected one of: placement, columns") == true)
    }

    @Test func wrongTypes() {
        #expect(error("[timeline.lane]\nheight_mm = \"tall\"")?.description
                == "mine.toml:2: expected a number for key timeline.lane.height_mm (found a string)")
        #expect(error("[page]\ndpi = 300.5")?.description
                == "mine.toml:2: expected an integer for key page.dpi (found a float)")
        #expect(error("[legend]\nframe = \"yes\"")?.message
                == "expected a boolean (true or false) for key legend.frame (found a string)")
        #expect(error("page = 3")?.message == "expected a table for key page (found an integer)")
        #expect(error("[categories]\ncolors = \"#000000\"")?.message == "expected an array for key categories.colors (found a string)")
        #expect(error("[categories]\nmarkers = [\"circle\", 3]")?.message
                == "expected a string for key categories.markers[1] (found an integer)")
    }

    @Test func badColours() {
        #expect(error("[colors]\nink = \"#12345\"")?.description
                == "mine.toml:2: bad colour \"#12345\" for key colors.ink: expected \"#rrggbb\"")
        #expect(error("[colors]\npaper = \"white\"")?.line == 2)
        #expect(error("[colors]\nink = \"muted\"")?.message == "bad colour \"muted\" for key colors.ink: expected \"#rrggbb\"",
                "[colors] must be literal colours, so names cannot loop")
        let e = error("[categories]\ncolors = [\"#0072b2\",\n  \"#d55e0g\"]")
        #expect(e?.line == 3)
        #expect(e?.key == "categories.colors[1]")
        #expect(error("[graph.edge]\ncolor = \"mutted\"")?.message.hasSuffix("did you mean \"muted\"?") == true)
        #expect(error("[pins.people]\nChurchill = \"blue\"")?.description.hasPrefix("mine.toml:2: bad colour \"blue\" for key pins.people.Churchill") == true)
    }

    @Test func rangesChoicesMarkersAndDashes() {
        #expect(error("[page]\ndpi = 5")?.message == "5 is out of range for key page.dpi: expected 36 to 2400")
        #expect(error("[timeline.arc]\nopacity = 1.5")?.message == "1.5 is out of range for key timeline.arc.opacity: expected 0 to 1")
        #expect(error("[page]\nmargin_top_mm = -1")?.line == 2)
        #expect(error("[graph]\nlayout = \"dott\"")?.message.hasPrefix("\"dott\" is not a valid value for key graph.layout; did you mean \"dot\"?") == true)
        #expect(error("[categories]\nmarkers = [\"circel\"]")?.message.hasPrefix("unknown marker shape \"circel\" for key categories.markers[0]; did you mean \"circle\"?") == true)
        #expect(error("[categories]\ndashes = [[4]]")?.message.contains("pairs of on and off lengths") == true)
        #expect(error("[categories]\ndashes = [[4, 0]]")?.message.contains("between 0 and 100") == true)
        #expect(error("[categories]\ncolors = []")?.message == "key categories.colors needs at least one colour")
        #expect(error("[fonts.title]\nfamily = \"  \"")?.message == "bad font family for key fonts.title.family: the name is empty")
        #expect(error("[pins.places]\nMoscow = \"#000000\"")?.message == "unknown key pins.places; expected one of: people, topics")
    }

    @Test func tomlSyntaxErrorsKeepTheirLine() {
        #expect(error("[page]\nwidth_mm = 89\nwidth_mm = 90")?.description
                == "mine.toml:3: duplicate key page.width_mm (first defined on line 2)")
        #expect(error("[page\n")?.line == 1)
    }

    @Test func goodPartialSheetParses() throws {
        let sheet = try ThemeSheet.parse("""
        description = "mine"
        [page]
        dpi = 300
        [timeline.lane]
        stripe = "faint"
        [pins.people]
        Churchill = "#0072B2"
        "de Gaulle" = "highlight"
        """, name: "mine", file: "mine.toml")
        #expect(sheet.keys == ["page.dpi", "timeline.lane.stripe"])
        #expect(sheet.description == "mine")
        #expect(sheet.values["page.dpi"]?.value == .integer(300))
        #expect(sheet.values["page.dpi"]?.location.line == 3)
        #expect(sheet.values["timeline.lane.stripe"]?.value == .color(.named("faint")))
        #expect(sheet.peoplePins["Churchill"]?.value == .color(.rgb(RGBColor(hex: "#0072b2")!)))
        #expect(sheet.peoplePins["de Gaulle"]?.value == .color(.named("highlight")))
    }
}
