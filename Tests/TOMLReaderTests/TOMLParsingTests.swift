import Testing
@testable import TOMLReader

/// Parses `text` as `test.toml`.
func parse(_ text: String) throws -> TOMLTable {
    try TOMLDocument.parse(text, file: "test.toml").root
}

/// The error parsing `text` throws, or nil when it parses.
func parseError(_ text: String) -> TOMLError? {
    do {
        _ = try parse(text)
        return nil
    } catch let error as TOMLError {
        return error
    } catch {
        return nil
    }
}

@Suite struct TOMLParsingTests {
    @Test func scalarsAndComments() throws {
        let t = try parse("""
        # a comment
        title = "Telegrams"   # trailing comment
        count = 42
        negative = -17
        plus = +3
        big = 1_000_000
        hex = 0xDEAD_beef
        octal = 0o755
        binary = 0b1101
        ratio = 0.5
        exp = 6.02e23
        small = -1.5E-3
        under = 3.141_592
        yes = true
        no = false
        infinite = -inf
        """)
        #expect(try t.string("title") == "Telegrams")
        #expect(try t.integer("count") == 42)
        #expect(try t.integer("negative") == -17)
        #expect(try t.integer("plus") == 3)
        #expect(try t.integer("big") == 1_000_000)
        #expect(try t.integer("hex") == 0xDEADBEEF)
        #expect(try t.integer("octal") == 0o755)
        #expect(try t.integer("binary") == 13)
        #expect(try t.number("ratio") == 0.5)
        #expect(try t.number("exp") == 6.02e23)
        #expect(try t.number("small") == -1.5e-3)
        #expect(try t.number("under") == 3.141592)
        #expect(try t.bool("yes") == true)
        #expect(try t.bool("no") == false)
        #expect(try t.number("infinite") == -.infinity)
        #expect(try t.number("count") == 42, "an integer is also a number")
        #expect(t.keys == ["title", "count", "negative", "plus", "big", "hex", "octal", "binary", "ratio",
                           "exp", "small", "under", "yes", "no", "infinite"])
        if case .float(let nan) = try parse("x = nan")["x"]?.kind { #expect(nan.isNaN) } else { Issue.record("nan") }
    }

    @Test func everyKeyAndValueKeepsItsLine() throws {
        let t = try parse("""

        a = 1
        [lanes]
        # comment
        height = 12
        list = [
          1,
          2,
        ]
        after = "x"
        """)
        #expect(t.entry("a")?.line == 2)
        #expect(t.entry("lanes")?.line == 3)
        let lanes = try t.table("lanes")
        #expect(lanes.location.line == 3)
        #expect(lanes.location.key == "lanes")
        #expect(lanes.entry("height")?.line == 5)
        #expect(lanes["height"]?.location == TOMLLocation(file: "test.toml", line: 5, key: "lanes.height"))
        let list = try lanes.array("list")
        #expect(list.map(\.location.line) == [7, 8])
        #expect(list[1].location.key == "lanes.list[1]")
        #expect(lanes.entry("after")?.line == 10)
    }

    @Test func strings() throws {
        let t = try parse(#"""
        basic = "tab\there \"quoted\" back\\slash \u00E9 \U0001F600 nl\n"
        literal = 'C:\path\no escapes "here"'
        multi = """
        first line
          second "line" ""with quotes""
        end"""
        trimmed = """\
            The quick \
            brown fox.\
            """
        multiliteral = '''
        raw \n text
        two'''
        quotesAtEnd = """she said "hi\"""""
        empty = ""
        unicode = "Молотов"
        """#)
        #expect(try t.string("basic") == "tab\there \"quoted\" back\\slash \u{E9} \u{1F600} nl\n")
        #expect(try t.string("literal") == #"C:\path\no escapes "here""#)
        #expect(try t.string("multi") == "first line\n  second \"line\" \"\"with quotes\"\"\nend")
        #expect(try t.string("trimmed") == "The quick brown fox.")
        #expect(try t.string("multiliteral") == "raw \\n text\ntwo")
        #expect(try t.string("quotesAtEnd") == "she said \"hi\"\"")
        #expect(try t.string("empty") == "")
        #expect(try t.string("unicode") == "Молотов")
        #expect(t.entry("trimmed")?.line == 7, "lines count inside multi-line strings")
        #expect(t.entry("multiliteral")?.line == 11)
        #expect(t.entry("quotesAtEnd")?.line == 14)
    }

    @Test func keysBareQuotedAndDotted() throws {
        let t = try parse("""
        bare_key-1 = 1
        "quoted key" = 2
        'literal.key' = 3
        a.b.c = 4
        a . b . d = 5
        site."google.com" = true
        [pins.people]
        Churchill = "#0072B2"
        "de Gaulle" = "#D55E00"
        """)
        #expect(try t.integer("bare_key-1") == 1)
        #expect(try t.integer("quoted key") == 2)
        #expect(try t.integer("literal.key") == 3)
        #expect(try t.table("a").table("b").integer("c") == 4)
        #expect(try t.table("a").table("b").integer("d") == 5)
        #expect(try t.table("site").bool("google.com") == true)
        let people = try t.table("pins").table("people")
        #expect(people.keys == ["Churchill", "de Gaulle"])
        #expect(people["de Gaulle"]?.location.key == #"pins.people."de Gaulle""#)
        #expect(t["a"]?.location.key == "a")
        #expect(try t.table("a").table("b")["d"]?.location.key == "a.b.d")
    }

    @Test func tablesAndImplicitParents() throws {
        let t = try parse("""
        [a.b.c]
        x = 1
        [a]
        y = 2
        [a.b.e]
        z = 3
        [fruit]
        apple.color = "red"
        apple.taste.sweet = true
        [fruit.apple.texture]
        smooth = true
        """)
        let a = try t.table("a")
        #expect(a.keys == ["b", "y"])
        #expect(try a.table("b").keys == ["c", "e"])
        #expect(try a.table("b").table("c").integer("x") == 1)
        #expect(a.location.line == 3, "the explicit [a] header is where a is defined")
        let apple = try t.table("fruit").table("apple")
        #expect(apple.keys == ["color", "taste", "texture"])
        #expect(try apple.table("texture").bool("smooth"))
    }

    @Test func arraysOfTables() throws {
        let t = try parse("""
        [[figure]]
        name = "network"
        [figure.size]
        width = 89
        [[figure]]
        name = "timeline"
        [[figure.layer]]
        kind = "marks"
        [[figure.layer]]
        kind = "arcs"
        """)
        let figures = try t.tables("figure")
        #expect(figures.count == 2)
        #expect(try figures[0].string("name") == "network")
        #expect(try figures[0].table("size").integer("width") == 89)
        #expect(try figures[1].tables("layer").map { try $0.string("kind") } == ["marks", "arcs"])
        #expect(figures[1].location.key == "figure[1]")
        #expect(figures[1].location.line == 5)
        #expect(try figures[1].tables("layer")[1]["kind"]?.location.key == "figure[1].layer[1].kind")
    }

    @Test func arraysAndInlineTables() throws {
        let t = try parse("""
        palette = ["#0072B2", "#E69F00",  # comment inside
                   "#009E73",
        ]
        dashes = [[], [4, 2], [1.5, 2]]
        empty = []
        mixed = [1, "two", 3.0]
        point = { x = 1, y = 2.5, label.text = "p" }
        none = {}
        nested = [{ a = 1 }, { a = 2 }]
        """)
        #expect(try t.strings("palette") == ["#0072B2", "#E69F00", "#009E73"])
        #expect(try t.array("dashes").map { try $0.numbers() } == [[], [4, 2], [1.5, 2]])
        #expect(try t.array("empty").isEmpty)
        #expect(try t.array("mixed").count == 3)
        let point = try t.table("point")
        #expect(try point.integer("x") == 1)
        #expect(try point.number("y") == 2.5)
        #expect(try point.table("label").string("text") == "p")
        #expect(point.location.key == "point")
        #expect(try t.table("none").isEmpty)
        #expect(try t.tables("nested").map { try $0.integer("a") } == [1, 2])
        #expect(try t.tables("nested")[1]["a"]?.location.key == "nested[1].a")
    }

    @Test func windowsLineEndingsAndBOM() throws {
        let t = try parse("\u{FEFF}a = 1\r\n[b]\r\nc = \"x\"\r\n")
        #expect(try t.integer("a") == 1)
        #expect(try t.table("b").string("c") == "x")
        #expect(try t.table("b").location.line == 2)
    }

    @Test func leavesWalkNestedTablesInOrder() throws {
        let t = try parse("""
        a = 1
        [b]
        c = 2
        d.e = [1]
        """)
        #expect(t.leaves.map { $0.path } == [["a"], ["b", "c"], ["b", "d", "e"]])
    }

    @Test func keyPathQuoting() {
        #expect(TOMLKeyPath.quoted("lanes") == "lanes")
        #expect(TOMLKeyPath.quoted("de Gaulle") == "\"de Gaulle\"")
        #expect(TOMLKeyPath.quoted("") == "\"\"")
        #expect(TOMLKeyPath.appending("x", to: "") == "x")
        #expect(TOMLKeyPath.appending("a.b", to: "t") == "t.\"a.b\"")
        #expect(TOMLStringEscaper.basicString("a\"b\\c\n\u{1}") == #""a\"b\\c\n\u0001""#)
    }
}
