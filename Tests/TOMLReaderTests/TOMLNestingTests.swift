import Testing
@testable import TOMLReader

/// Nesting is read from an explicit stack (no input drives recursion) and bounded at
/// `TOMLParser.maxNesting` levels; headers and keys have length limits. Every limit is an
/// error naming the line.
@Suite struct TOMLNestingTests {
    @Test func arraysAndInlineTablesNestedTogetherReadBack() throws {
        let t = try parse("""
        a = [ { b = [ 1, [ 2, { c.d = "x" } ], ], e = {} },
              [], [[ "deep" ]] ]
        f = { g = { h = [ { i = true } ] } }
        """)
        let a = try t.array("a")
        #expect(a.count == 3)
        let first = try a[0].table()
        let b = try first.array("b")
        #expect(try b[0].integer() == 1)
        let inner = try b[1].array()
        #expect(try inner[0].integer() == 2)
        #expect(try inner[1].table().table("c").string("d") == "x")
        #expect(try inner[1].table().table("c")["d"]?.location.key == "a[0].b[1][1].c.d")
        #expect(try first.table("e").entries.isEmpty)
        #expect(try a[1].array().isEmpty)
        #expect(try a[2].array()[0].array()[0].string() == "deep")
        #expect(a[2].location.line == 2)
        #expect(try t.table("f").table("g").array("h")[0].table().bool("i") == true)
    }

    @Test func ninetyNineLevelsReadAndTheInnermostValueIsKept() throws {
        let depth = 99
        let t = try parse("v = " + String(repeating: "[", count: depth) + "7" + String(repeating: "]", count: depth))
        var value = try t.value("v")
        for _ in 0..<(depth - 1) {
            let elements = try value.array()
            #expect(elements.count == 1)
            value = elements[0]
        }
        #expect(try value.array()[0].integer() == 7)
    }

    @Test func deepArraysAreRefusedWithTheirLine() throws {
        // A hundred thousand levels: refused at level 100, without touching the stack.
        let text = "a = 1\n\nb = " + String(repeating: "[", count: 100_000) + "\n"
        let error = try #require(parseError(text))
        #expect(error.line == 3)
        #expect(error.message.contains("deeper than 100 levels"), "\(error)")
    }

    @Test func deepInlineTablesAndMixturesAreRefusedWithTheirLine() throws {
        let tables = "x = 1\nt = " + String(repeating: "{ k = ", count: 100_000)
        let error = try #require(parseError(tables))
        #expect(error.line == 2)
        #expect(error.message.contains("deeper than 100"), "\(error)")

        // Arrays over several lines: the error names the line the too-deep value starts on.
        let mixed = "m = [\n" + String(repeating: "[ {a = [\n", count: 60)
        let mixedError = try #require(parseError(mixed))
        #expect(mixedError.line == 26, "\(mixedError)")
        #expect(mixedError.message.contains("deeper than 100"), "\(mixedError)")
    }

    @Test func headersAndKeysHaveLengthLimits() throws {
        // The dotted header of 32,000 parts that once hung the reader: refused on its line.
        let header = "a = 1\n[" + Array(repeating: "p", count: 32_000).joined(separator: ".") + "]\n"
        let headerError = try #require(parseError(header))
        #expect(headerError.line == 2)
        #expect(headerError.message.contains("deeper than 100"), "\(headerError)")

        let longKey = "\n" + String(repeating: "k", count: 300) + " = 1"
        let keyError = try #require(parseError(longKey))
        #expect(keyError.line == 2)
        #expect(keyError.message.contains("longer than 256"), "\(keyError)")

        let longPath = "[" + Array(repeating: String(repeating: "q", count: 200), count: 6).joined(separator: ".") + "]"
        let pathError = try #require(parseError(longPath))
        #expect(pathError.line == 1)
        #expect(pathError.message.contains("longer than 1024"), "\(pathError)")
    }

    @Test func errorsInsideNestedValuesNameTheirLine() throws {
        expectLine("a = [\n  1,\n  { b = 2 },\n  [ 3, 4 ]\n  5\n]", 5, "expected ',' or ']'")
        expectLine("a = [\n  { b = 1,\n c = 2 }\n]", 2, "expected a key")
        expectLine("a = [ { b = 1, } ]", 1, "trailing ','")
        expectLine("a = [\n  { b = 1\n }\n]", 2, "on one line")
        expectLine("a = [ [ 1, 2 ]\n\n", 1, "unterminated array")
        expectLine("a = { b = [ 1, { c = 1, c = 2 } ] }", 1, "duplicate key a.b[1].c")
    }

    private func expectLine(_ text: String, _ line: Int, _ fragment: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error = parseError(text) else {
            Issue.record("expected an error for: \(text)", sourceLocation: sourceLocation)
            return
        }
        #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
        #expect(error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
    }
}
