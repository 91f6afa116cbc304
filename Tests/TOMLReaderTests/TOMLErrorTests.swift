import Testing
@testable import TOMLReader

/// Malformed and duplicate definitions are errors naming the file and the right line.
@Suite struct TOMLErrorTests {
    /// Expects parsing `text` to fail on `line` with a message containing `fragment`.
    func expectError(_ text: String, line: Int, _ fragment: String, key: String? = nil,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error = parseError(text) else {
            Issue.record("expected an error for: \(text)", sourceLocation: sourceLocation)
            return
        }
        #expect(error.file == "test.toml", sourceLocation: sourceLocation)
        #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
        #expect(error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
        if let key { #expect(error.key == key, "\(error)", sourceLocation: sourceLocation) }
    }

    @Test func descriptionIsFileLineMessage() {
        let error = parseError("a = 1\nb = \n")
        #expect(error?.description == "test.toml:2: expected a value for key b")
        #expect(TOMLError(file: "x.toml", line: nil, "cannot read").description == "x.toml: cannot read")
    }

    @Test func duplicates() {
        expectError("a = 1\nb = 2\na = 3", line: 3, "duplicate key a (first defined on line 1)", key: "a")
        expectError("[t]\nx = 1\n\n[t]\n", line: 4, "table [t] is defined twice (first on line 1)", key: "t")
        expectError("[t]\nx.y = 1\nx.y = 2", line: 3, "duplicate key t.x.y")
        expectError("a = 1\na.b = 2", line: 2, "already holds an integer (line 1)")
        expectError("[fruit]\napple.color = 'red'\n[fruit.apple]", line: 3, "defined twice")
        expectError("[a.b.c]\nz = 9\n[a]\nb.c.t = 1", line: 4, "cannot be extended with dotted keys")
        expectError("a = [1]\n[[a]]", line: 2, "already defined as an array")
        expectError("[[a]]\n[a]", line: 2, "is an array of tables (line 1); write [[a]]")
        expectError("p = { x = 1 }\n[p]", line: 2, "is an inline table (line 1); it cannot be defined again")
        expectError("p = { x = 1 }\np.y = 2", line: 2, "cannot be defined again or extended")
        expectError("p = { x = 1, x = 2 }", line: 1, "duplicate key p.x")
        expectError("[x]\n\"a\" = 1\na = 2", line: 3, "duplicate key x.a", key: "x.a")
    }

    @Test func malformedLines() {
        expectError("a = 1\njust words\n", line: 2, "expected '=' after the key just")
        expectError("a = 1 2", line: 1, "unexpected '2' after the value of a")
        expectError("= 1", line: 1, "expected a key")
        expectError("[table\nx = 1", line: 1, "expected ']' to close the table header")
        expectError("[[t]\n", line: 1, "expected ']]'")
        expectError("[t] x = 1", line: 1, "after the table header")
        expectError("a = \"unterminated\nb = 1", line: 1, "unterminated string")
        expectError("a = 'unterminated", line: 1, "unterminated literal string")
        expectError("\n\na = \"\"\"\nnever closed", line: 3, "unterminated multi-line string")
        expectError("a = [1, 2\nb = 3", line: 2, "expected ',' or ']'")
        expectError("a = [1,\n 2", line: 1, "unterminated array")
        expectError("a = {x = 1,}", line: 1, "trailing ','")
        expectError("a = {x = 1\n}", line: 1, "must be on one line")
        expectError("a = red", line: 1, "strings must be quoted")
        expectError("a = \"bad \\q escape\"", line: 1, "unknown escape \\q")
        expectError("a = \"bad \\\nb = 1", line: 1, "a backslash before end of line")
        expectError("a = \"\\u12\"", line: 1, "4 hexadecimal digits")
        expectError("a = \"\\uD800\"", line: 1, "not a Unicode scalar")
        expectError("a = 1943-11-28", line: 1, "dates and times are not supported")
        expectError("a = \"x\"\rb = 1", line: 1, "unexpected end of line")
        expectError("a = \"tab\u{7}\"", line: 1, "control character")
    }

    /// Redefinition corner cases of the TOML 1.0 specification.
    @Test func tablesCannotBeReopenedOrInjected() {
        expectError("a = [{ b = 1 }]\n\n[a.c]\nfoo = 1", line: 3, "key a already holds an array")
        expectError("[a.b.c.d]\nz = 9\n[a]\nb.c.d.k.t = 1", line: 4, "cannot be extended with dotted keys")
        expectError("tbl = { fruit = { apple.color = \"red\" }, fruit.apple.texture = { smooth = true } }", line: 1,
                    "tbl.fruit is an inline table")
        expectError("[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple.taste]", line: 4, "defined twice")
        expectError("[[a]]\nx = 1\n[a.x]", line: 3, "key a[0].x already holds an integer (line 2)")
    }

    @Test func integerSpellingsOutsideTheSpecAreRejected() throws {
        let bad = ["01", "00", "0_0", "-01", "+01", "+0_1", "++99", "--99", "-0xff", "-0b11010110", "-0o755", "+0xff",
                   "+0o755", "123_", "_123", "1__23", "0x_1", "0o_1", "0b_1", "0x1_", "0o1_", "0b1_", "_0x1", "0xaafz",
                   "0o778", "0b0012", "0X1", "0O0", "0B0", "1.e2", "1e2.5", "1._5", "1_.5", "inf_", "infinity", "NaN"]
        for token in bad {
            #expect(parseError("n = \(token)") != nil, "\(token) must be rejected")
        }
        let good: [(String, TOMLValue.Kind)] = [("0", .integer(0)), ("+0", .integer(0)), ("-0", .integer(0)),
                                                ("0xff", .integer(255)), ("0o17", .integer(15)), ("0b1_0", .integer(2)),
                                                ("1_000.000_1", .float(1000.0001)), ("5e+2_2", .float(5e22)), ("3e01", .float(30)),
                                                ("+inf", .float(.infinity)), ("-0.0e0", .float(-0.0))]
        for (token, kind) in good {
            #expect(try parse("n = \(token)")["n"]?.kind == kind, "\(token)")
        }
    }

    @Test func malformedNumbers() {
        for bad in ["012", "1__0", "_1", "1_", "1.", ".5", "1e", "0x", "+0x10", "1.2.3", "0b102", "1e+_3", "--1"] {
            let error = parseError("n = \(bad)")
            #expect(error != nil, "\(bad) must be rejected")
            #expect(error?.line == 1)
        }
        expectError("n = 99999999999999999999", line: 1, "out of range")
        #expect(TOMLNumber.parse("0") == .integer(0))
        #expect(TOMLNumber.parse("-0.0") == .float(-0.0))
        #expect(TOMLNumber.parse("1e3") == .float(1000))
    }

    @Test func typedAccessorsNameKeyAndLine() throws {
        let t = try parse("""
        [lanes]
        height = "tall"
        palette = ["#000000", 3]
        """)
        let lanes = try t.table("lanes")
        #expect(throws: TOMLError(file: "test.toml", line: 2, key: "lanes.height",
                                  "expected a number for key lanes.height (found a string)")) {
            try lanes.number("height")
        }
        #expect(throws: TOMLError(file: "test.toml", line: 3, key: "lanes.palette[1]",
                                  "expected a string for key lanes.palette[1] (found an integer)")) {
            try lanes.strings("palette")
        }
        #expect(throws: TOMLError(file: "test.toml", line: 1, key: "lanes.width",
                                  "missing key lanes.width in table [lanes]")) {
            try lanes.number("width")
        }
        #expect(try lanes["width"]?.number() == nil, "optional keys read through the subscript")
        #expect(throws: TOMLError.self) { try t.bool("lanes") }
        #expect(throws: TOMLError.self) { try lanes.integer("height") }
    }

    @Test func unknownKeysAreRejectedWithSuggestion() throws {
        let t = try parse("""
        [lanes]
        height = 12
        heigth = 13
        """)
        let lanes = try t.table("lanes")
        #expect(throws: TOMLError(file: "test.toml", line: 3, key: "lanes.heigth",
                                  "unknown key lanes.heigth; did you mean height?")) {
            try lanes.rejectUnknownKeys(allowing: ["height", "gap"])
        }
        #expect(throws: TOMLError(file: "test.toml", line: 2, key: "lanes.height",
                                  "unknown key lanes.height; expected one of: a, b")) {
            try lanes.rejectUnknownKeys(allowing: ["b", "a"])
        }
        try lanes.rejectUnknownKeys(allowing: ["height", "heigth"])
    }

    @Test func nearestKeySuggestions() {
        #expect(NearestKey.distance("kitten", "sitting") == 3)
        #expect(NearestKey.distance("heigth", "height") == 1, "a transposition is one edit")
        #expect(NearestKey.distance("", "abc") == 3)
        #expect(NearestKey.suggestion(for: "colour", among: ["color", "width"]) == "color")
        #expect(NearestKey.suggestion(for: "Ink", among: ["ink", "paper"]) == "ink")
        #expect(NearestKey.suggestion(for: "zzzzzz", among: ["ink", "paper"]) == nil)
    }

    @Test func loadingAMissingFileNamesIt() {
        #expect {
            _ = try TOMLDocument.load(path: "/nonexistent/sheet.toml")
        } throws: { error in
            guard let e = error as? TOMLError else { return false }
            return e.file == "/nonexistent/sheet.toml" && e.line == nil && e.message.contains("no such file")
        }
    }
}
