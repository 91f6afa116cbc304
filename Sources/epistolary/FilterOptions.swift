import Analysis
import ArgumentParser
import Correspondence
import Foundation

/// The slice of the correspondence a figure shows: `--from`, `--to`, `--topic`,
/// `--exclude-topic`, `--correspondent`, `--between`. Shared by `graph`, `timeline` and the
/// exports, so the same words choose the same messages in each.
struct FilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only messages dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "DATE"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Only messages dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "DATE"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Only messages on this topic id; repeat or separate with commas for several.", valueName: "T"))
    var topic: [String] = []

    @Option(name: [.customLong("correspondent"), .customLong("correspondents")], help: ArgumentHelp(
        "Only messages from or to this person id; repeat or separate with commas for several.", valueName: "P"))
    var correspondent: [String] = []

    @Option(name: .long, help: ArgumentHelp("Leave out messages on this topic id; repeat or separate with commas for several.", valueName: "T"))
    var excludeTopic: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only messages from one of two people to the other (either way, joint messages to others too): two person ids separated by a comma.", valueName: "A,B"))
    var between: String?

    /// A resolved slice: days, ids checked against the analysis, and the words for captions.
    struct Slice {
        var from: Day?
        var to: Day?
        var topics: [String]?
        var correspondents: [String]?
        var excludedTopics: [String]? = nil
        var between: (String, String)? = nil
        var description: String

        var isEmpty: Bool { from == nil && to == nil && topics == nil && correspondents == nil && excludedTopics == nil && between == nil }

        /// The analysis restricted to the slice (the analysis itself when nothing is asked).
        func apply(to analysis: CorpusAnalysis) throws -> CorpusAnalysis {
            guard !isEmpty else { return analysis }
            let sliced = analysis.filtered(from: from, to: to, topics: topics, correspondents: correspondents,
                                           excludingTopics: excludedTopics, between: between)
            guard !sliced.messages.isEmpty else {
                throw EpistolaryError(.badUsage, "no messages match the filters (\(description))")
            }
            return sliced
        }
    }

    /// Checks the options against `analysis` (unknown topics and people are usage errors that
    /// list what exists) and returns the slice.
    func slice(for analysis: CorpusAnalysis) throws -> Slice {
        let first = try from.map { try Self.day($0, option: "--from", end: false) }
        let last = try to.map { try Self.day($0, option: "--to", end: true) }
        if let first, let last, first > last {
            throw EpistolaryError(.badUsage, "--from \(from ?? "") lies after --to \(to ?? "")")
        }
        let topics = Self.list(topic)
        let known = analysis.lexicon.topics.map(\.id)
        if let unknown = topics.first(where: { !known.contains($0) }) {
            throw EpistolaryError(.badUsage, "unknown --topic \"\(unknown)\"; the lexicon has: \(known.joined(separator: ", "))")
        }
        let people = Self.list(correspondent)
        let involved = Set(analysis.corpus.messages.flatMap { [$0.sender] + $0.recipients })
        if let unknown = people.first(where: { !involved.contains($0) }) {
            throw EpistolaryError(.badUsage, "unknown --correspondent \"\(unknown)\"; the corpus has: \(involved.sorted().joined(separator: ", "))")
        }
        let excluded = Self.list(excludeTopic)
        if let unknown = excluded.first(where: { !known.contains($0) }) {
            throw EpistolaryError(.badUsage, "unknown --exclude-topic \"\(unknown)\"; the lexicon has: \(known.joined(separator: ", "))")
        }
        var pair: (String, String)?
        if let between {
            let two = Self.list([between])
            guard two.count == 2, two[0] != two[1] else {
                throw EpistolaryError(.badUsage, "--between takes two different person ids separated by a comma (got \"\(between)\")")
            }
            if let unknown = two.first(where: { !involved.contains($0) }) {
                throw EpistolaryError(.badUsage, "unknown person \"\(unknown)\" in --between; the corpus has: \(involved.sorted().joined(separator: ", "))")
            }
            pair = (two[0], two[1])
        }
        let label = { (id: String) in analysis.corpus.people.name(of: id) }
        let topicLabel = { (id: String) in analysis.lexicon.topics.first { $0.id == id }?.label ?? id }
        var words: [String] = []
        if !topics.isEmpty { words.append((topics.count == 1 ? "topic " : "topics ") + topics.map(topicLabel).joined(separator: ", ")) }
        if !excluded.isEmpty { words.append("without " + (excluded.count == 1 ? "topic " : "topics ") + excluded.map(topicLabel).joined(separator: ", ")) }
        if !people.isEmpty { words.append((people.count == 1 ? "correspondent " : "correspondents ") + people.map(label).joined(separator: ", ")) }
        if let pair { words.append("between \(label(pair.0)) and \(label(pair.1))") }
        if let from { words.append("from \(from)") }
        if let to { words.append("to \(to)") }
        return Slice(from: first, to: last, topics: topics.isEmpty ? nil : topics,
                     correspondents: people.isEmpty ? nil : people, excludedTopics: excluded.isEmpty ? nil : excluded,
                     between: pair, description: words.joined(separator: "; "))
    }

    /// Repeated and comma-separated values as one list, in order, without blanks.
    static func list(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A day from any date form `DateParser` reads (YYYY, YYYY-MM, YYYY-MM-DD, EDTF): the first
    /// day of the period, or its last with `end`.
    static func day(_ text: String, option: String, end: Bool) throws -> Day {
        switch DateParser.parse(text) {
        case .dated(let date):
            if let day = end ? date.notAfter : date.notBefore { return day }
            throw EpistolaryError(.badUsage, "\(option) \"\(text)\" is open at the \(end ? "end" : "start"); give a closed date")
        case .impossible(_, let reason):
            throw EpistolaryError(.badUsage, "\(option) \"\(text)\" is not a date (\(reason)); write YYYY, YYYY-MM or YYYY-MM-DD")
        case .undated, .unreadable:
            throw EpistolaryError(.badUsage, "\(option) \"\(text)\" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
        }
    }
}
