import ArgumentParser
import Correspondence
@testable import EpistolaryCLI
import EpistolaryTestSupport
import Foundation
import GraphRender
import Testing
import TimelineRender

/// The replies graph and the correspondents timeline of one filtered slice agree on the
/// corpus's centre and name it alike in their titles (issue 18: `--correspondent Churchill
/// --topic poland` once centred the graph on Churchill while the timeline named Stalin).
/// Each side is read from what it draws: the graph from its DOT (title, lanes, which row each
/// mark sits in), the timeline from its `Scene` (its texts); nothing is recomputed with the
/// rule that made them.
@Suite("Filtered replies graph and timeline agree on the centre and the title")
struct FigureAgreementTests {
    /// What a replies figure's DOT shows.
    struct RepliesDrawing: Sendable {
        /// The graph label's text (the title with the legend), tags removed.
        var labelText: String
        /// The people with a lane of their own (`lane:ID` nodes).
        var lanes: Set<String>
        /// Writers of the single marks of messages that lie below their lane's line.
        var lowerRowWriters: Set<String>
    }

    /// Builds the replies figure as `epistolary graph replies ARGS` does and reads its DOT.
    static func replies(_ arguments: [String]) throws -> RepliesDrawing {
        let dot = try CLIRunner.inTurn { () throws -> String in
            guard let command = try GraphCommand.parseAsRoot(["replies", "-o", "unused.svg"] + arguments) as? GraphCommand else {
                throw EpistolaryError(.badUsage, "not a graph command")
            }
            var clock = StageClock(enabled: false, prefix: "test")
            let built = try command.build(clock: &clock)
            return built.figure.dot
        }
        let graph = try GraphvizEngine.shared.parse(dot)
        let label = graph.attributes["label"] ?? ""
        let text = label.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        func point(_ node: ParsedGraph.Node) -> (x: Double, y: Double)? {
            let parts = (node.attributes["pos"] ?? "").replacingOccurrences(of: "!", with: "").split(separator: ",").compactMap { Double($0) }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
        let laneNodes = graph.nodes.filter { $0.name.hasPrefix("lane:") }
        let laneYs = laneNodes.compactMap { point($0)?.y }
        var lower: Set<String> = []
        let writers = try CLIRunner.inTurn { () throws -> [String: String] in
            let corpus = try CorpusLoader.load(path: arguments.firstIndex(of: "--corpus").map { arguments[$0 + 1] })
            return Dictionary(corpus.messages.map { ($0.id, $0.sender) }, uniquingKeysWith: { a, _ in a })
        }
        for node in graph.nodes where !["lane:", "axis:", "tick:", "group:"].contains(where: node.name.hasPrefix) {
            guard let writer = writers[node.name], let y = point(node)?.y,
                  let lane = laneYs.min(by: { abs($0 - y) < abs($1 - y) }), y < lane else { continue }
            lower.insert(writer)
        }
        return RepliesDrawing(labelText: text, lanes: Set(laneNodes.map { String($0.name.dropFirst("lane:".count)) }), lowerRowWriters: lower)
    }

    /// Lays the timeline out as `epistolary timeline correspondents ARGS` does; its texts joined.
    static func timelineText(_ arguments: [String]) throws -> String {
        try CLIRunner.inTurn { () throws -> String in
            guard let command = try TimelineCommand.parseAsRoot(["correspondents", "--no-events", "-o", "unused.svg"] + arguments) as? TimelineCommand else {
                throw EpistolaryError(.badUsage, "not a timeline command")
            }
            var clock = StageClock(enabled: false, prefix: "test")
            let laidOut = try command.layout(clock: &clock)
            return laidOut.figure.scene.texts.map(\.text).joined(separator: " ")
        }
    }

    /// Checks that both figures of `filters` centre on `centre` (id and name) and say so alike.
    static func expectAgreement(_ filters: [String], centre: (id: String, name: String), _ comment: Comment) throws {
        let graph = try replies(filters)
        let timeline = try timelineText(filters)
        #expect(graph.labelText.contains("Replies in time: \(centre.name) and correspondents"), "\(comment): \(graph.labelText)")
        #expect(timeline.contains("\(centre.name) and correspondents"), "\(comment): \(timeline)")
        #expect(!graph.lanes.contains(centre.id), "\(comment): the centre has no lane of its own")
        #expect(graph.lowerRowWriters == [centre.id], "\(comment): the centre's letters, and only theirs, lie below the lanes' lines")
    }

    @Test("bundled corpus: --correspondent Churchill --topic poland stays Stalin's correspondence in both")
    func bundledCorpus() throws {
        // `--style base` draws the titles in the figures (paper leaves them to the caption).
        try Self.expectAgreement(["--style", "base", "--correspondent", "Churchill", "--topic", "poland"],
                                 centre: ("Stalin", "Joseph Stalin"), "Churchill, Poland")
        try Self.expectAgreement(["--style", "base", "--correspondent", "Roosevelt", "--topic", "convoys"],
                                 centre: ("Stalin", "Joseph Stalin"), "Roosevelt, convoys")
    }

    /// A user's corpus, made here: Ada Quill's letters with Ben Ostrow and Cleo Marsh, and letters
    /// between Ben, Cleo and Dov Pell that do not involve her; a lexicon of its own.
    static func userCorpus() throws -> (corpus: URL, topics: URL, ids: [String: String]) {
        var rows = ["sender,addressee,senderDate,key,text"]
        var key = 0
        func letter(_ from: String, _ to: String, _ month: Int, _ text: String) {
            key += 1
            rows.append("\(from),\(to),1871-\(String(format: "%02d", min(12, month)))-\(String(format: "%02d", key % 27 + 1)),q\(key),\(text)")
        }
        for i in 0..<10 {
            letter("Ada Quill", "Ben Ostrow", i + 1, i < 3 ? "The orchids arrived in good order." : "Thank you for the parcel of books.")
            letter("Ben Ostrow", "Ada Quill", i + 1, i < 3 ? "More orchids will follow in spring." : "The books are for the library.")
        }
        for i in 0..<10 {
            letter("Ada Quill", "Cleo Marsh", i + 2, i < 2 ? "Orchids again, I am afraid." : "Our meeting is on Tuesday.")
            letter("Cleo Marsh", "Ada Quill", i + 2, "Tuesday suits me well.")
        }
        for i in 0..<6 { letter("Ben Ostrow", "Cleo Marsh", i + 3, "Have you seen her orchids?") }
        for i in 0..<4 { letter("Dov Pell", "Ben Ostrow", i + 4, "Send me two of the orchids.") }
        let corpus = try CLIRunner.temporaryFile("quill.csv", rows.joined(separator: "\n") + "\n")
        let topics = try CLIRunner.temporaryFile("quill-topics.toml", """
            [[topic]]
            id = "orchids"
            label = "Orchids"
            threshold = 1
            phrases = ["orchids"]

            [[topic]]
            id = "books"
            label = "Books"
            threshold = 1
            phrases = ["books"]

            """)
        let people = try CorpusLoader.load(path: corpus.path).people
        var ids: [String: String] = [:]
        for name in ["Ada Quill", "Ben Ostrow", "Cleo Marsh", "Dov Pell"] {
            ids[name] = try #require(people.people.first { $0.name == name }?.id, "\(name) is in the corpus")
        }
        return (corpus, topics, ids)
    }

    @Test("a user's corpus: the centre kept while it is in most letters of the slice, else the slice's own, alike in both")
    func userCorpusAgrees() throws {
        let (corpus, topics, ids) = try Self.userCorpus()
        defer {
            try? FileManager.default.removeItem(at: corpus)
            try? FileManager.default.removeItem(at: topics)
        }
        let input = ["--style", "base", "--corpus", corpus.path, "--topics", topics.path]
        let ada = try #require(ids["Ada Quill"]), ben = try #require(ids["Ben Ostrow"])
        // Ben on books: all with Ada (she stays the centre).
        try Self.expectAgreement(input + ["--correspondent", ben, "--topic", "books"], centre: (ada, "Ada Quill"), "Ben, books")
        // Ben on orchids: 6 with Ada, 10 without her; Ben is in all of them and becomes the centre.
        try Self.expectAgreement(input + ["--correspondent", ben, "--topic", "orchids"], centre: (ben, "Ben Ostrow"), "Ben, orchids")
        // The whole corpus: Ada is in 40 of 50 letters, Ben in 30.
        try Self.expectAgreement(input, centre: (ada, "Ada Quill"), "whole corpus")
    }
}
