import Analysis
import ArgumentParser
import Correspondence
import Foundation

/// The slice of the correspondence a figure shows: `--from`, `--to`, `--topic`,
/// `--correspondent`. Shared by `graph` and `timeline`, so the same words choose the same
/// messages in both.
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

    /// A resolved slice: days, ids checked against the analysis, and the words for captions.
    struct Slice {
        var from: Day?
        var to: Day?
        var topics: [String]?
        var correspondents: [String]?
        var description: String

        var isEmpty: Bool { from == nil && to == nil && topics == nil && correspondents == nil }

        /// The analysis restricted to the slice (the analysis itself when nothing is asked).
        func apply(to analysis: CorpusAnalysis) throws -> CorpusAnalysis {
            guard !isEmpty else { return analysis }
            let sliced = analysis.filtered(from: from, to: to, topics: topics, correspondents: correspondents)
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
        var words: [String] = []
        if !topics.isEmpty { words.append((topics.count == 1 ? "topic " : "topics ") + topics.joined(separator: ", ")) }
        if !people.isEmpty { words.append((people.count == 1 ? "correspondent " : "correspondents ") + people.joined(separator: ", ")) }
        if let from { words.append("from \(from)") }
        if let to { words.append("to \(to)") }
        return Slice(from: first, to: last, topics: topics.isEmpty ? nil : topics,
                     correspondents: people.isEmpty ? nil : people, description: words.joined(separator: "; "))
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
