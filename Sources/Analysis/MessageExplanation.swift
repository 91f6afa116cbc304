import Correspondence
import TOMLReader
import Foundation

/// What `epistolary explain ID` prints: a message's fields with the line each came from, its
/// references and where they resolve, its chain up and down, its parallels, topics (with the
/// matched words, and the topics that fell short of their threshold) and the names it mentions.
/// An inferred message shows its date, bounds and the messages citing it.
public struct MessageExplanation: Sendable {
    public let text: String

    /// Explains `id`; throws a bad-data error naming the nearest ids when there is no such message.
    public init(id: String, analysis: CorpusAnalysis) throws {
        if let m = analysis.message(id: id) {
            text = MessageExplanation.explain(m, analysis)
        } else if let inc = analysis.inferredMessage(id: id) {
            text = MessageExplanation.explain(inc, analysis)
        } else {
            let near = analysis.nearestIDs(to: id, limit: 3)
            let hint = near.isEmpty ? "" : "; nearest ids: " + near.joined(separator: ", ")
            throw EpistolaryError(.badData, file: analysis.corpus.sourceName,
                                  "no message with id '\(id)' in the corpus\(hint)")
        }
    }

    private static func field(_ name: String, _ value: String, line: Int?) -> String {
        let padded = name.padding(toLength: 16, withPad: " ", startingAt: 0)
        let where_ = line.map { "  (line \($0))" } ?? ""
        return "  \(padded)\(value)\(where_)\n"
    }

    private static func describe(_ date: HistoricalDate) -> String {
        let range: String
        switch (date.notBefore, date.notAfter) {
        case let (a?, b?): range = a == b ? a.iso : "\(a.iso) to \(b.iso), best \(date.best?.iso ?? a.iso)"
        case let (a?, nil): range = "not before \(a.iso) (open end)"
        case let (nil, b?): range = "not after \(b.iso) (open start)"
        case (nil, nil): range = "undated" + (date.raw.map { " (source: \"\($0)\")" } ?? "")
        }
        let certainty = date.certainty == .certain ? "" : ", \(date.certainty.rawValue)"
        return "\(range) [\(date.precision.rawValue)\(certainty), evidence \(date.evidence.rawValue)]"
    }

    private static func confidence(_ c: Double) -> String {
        let hundredths = Int((c * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    private static func linkLine(_ l: ReplyLink) -> String {
        "  \(l.from) --\(l.kind.rawValue)--> \(l.to)  confidence \(confidence(l.confidence))\n"
            + "      \"\(l.evidence.phrase)\" (line \(l.evidence.line)): \(l.evidence.rule)\n"
    }

    private static func explain(_ m: Message, _ a: CorpusAnalysis) -> String {
        let people = a.corpus.people
        var out = "\(m.id)  (\(a.corpus.sourceName), lines \(m.span.startLine)-\(m.span.endLine))\n\nFields\n"
        out += field("kind", m.kind.rawValue, line: nil)
        out += field("sender", "\(m.sender) (\(people.name(of: m.sender)))", line: m.fieldLines["sender"])
        out += field("recipients", m.recipients.map { "\($0) (\(people.name(of: $0)))" }.joined(separator: ", "),
                     line: m.fieldLines["recipients"])
        out += field("sent on", m.sentOn?.iso ?? "-", line: m.fieldLines["sent_on"])
        out += field("dated", m.dated?.iso ?? "-", line: m.fieldLines["dated"])
        out += field("date", describe(m.date), line: nil)
        out += field("place", m.place ?? "-", line: m.fieldLines["place"])
        out += field("classification", m.classification.isEmpty ? "-" : m.classification, line: m.fieldLines["classification"])
        if let s = m.salutation { out += field("salutation", s, line: nil) }
        if let s = m.signature { out += field("signature", s, line: nil) }
        if let s = m.address { out += field("address", s, line: nil) }
        let words = m.body.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
        let opening = m.body.split(separator: "\n").first.map { String($0.prefix(70)) } ?? ""
        out += field("body", "\(words) words: \"\(opening)\(opening.count == 70 ? "..." : "")\"", line: m.fieldLines["body"])
        for note in m.sourceNotes { out += field("source note", note.text, line: nil) }
        for note in m.notes { out += field("note", note, line: nil) }

        out += "\nReferences\n"
        if m.references.isEmpty { out += "  none\n" }
        let outgoing = a.links(from: m.id)
        for r in m.references {
            out += "  line \(r.line): \"\(r.phrase)\" (\(r.whose.rawValue), \(r.relation.rawValue), \(r.date?.iso ?? "undated"))\n"
            if let l = outgoing.first(where: { $0.evidence.phrase == r.phrase && $0.evidence.line == r.line && $0.kind != .parallel }) {
                let target = a.message(id: l.to) != nil ? "corpus message" : "inferred message"
                out += "      -> \(l.to) (\(target), \(l.kind.rawValue), confidence \(confidence(l.confidence))): \(l.evidence.rule)\n"
            } else if let u = a.unresolvedReferences.first(where: { $0.messageID == m.id && $0.reference == r }) {
                out += "      -> unresolved (\(u.reason.rawValue))\n"
            } else {
                out += "      -> unresolved\n"
            }
        }

        let up = a.chainUp(from: m.id), down = a.chainDown(from: m.id)
        out += "\nChain up (what it answers or cites)\n" + (up.isEmpty ? "  none\n" : up.map(linkLine).joined())
        out += "\nChain down (what answers or cites it)\n" + (down.isEmpty ? "  none\n" : down.map(linkLine).joined())
        let parallels = a.links.filter { $0.kind == .parallel && ($0.from == m.id || $0.to == m.id) }
        if !parallels.isEmpty { out += "\nParallel texts\n" + parallels.map(linkLine).joined() }

        out += "\nTopics\n"
        let assigned = a.topicMatches(id: m.id)
        if assigned.isEmpty { out += "  none\n" }
        for t in assigned {
            let threshold = a.lexicon.topic(t.topic)?.threshold ?? 0
            out += "  \(t.topic)  score \(t.score) (threshold \(threshold))"
            if let from = t.inheritedFrom {
                out += a.isOtherPart(from, of: m) ? "  taken from the other part of this letter, \(from)" : "  taken from the forwarded message \(from)"
            }
            out += "\n"
            for s in t.spans {
                out += "      line \(s.line): \"\(s.phrase)\" (\(s.term), \(s.weight))\n"
            }
        }
        let below = a.topicScores(id: m.id).filter { s in !assigned.contains { $0.topic == s.topic } }
        if !below.isEmpty {
            out += "  below threshold: " + below.map { s in
                "\(s.topic) \(s.score)/\(a.lexicon.topic(s.topic)?.threshold ?? 0) (" + s.spans.map { "\"\($0.phrase)\"" }.joined(separator: ", ") + ")"
            }.joined(separator: "; ") + "\n"
        }

        let names = a.mentions.byMessage[m.id] ?? []
        out += "\nMentions\n" + (names.isEmpty ? "  none\n" : names.map { "  line \($0.line): \($0.phrase) -> \($0.entity)\n" }.joined())
        return out
    }

    private static func explain(_ inc: InferredMessage, _ a: CorpusAnalysis) -> String {
        let people = a.corpus.people
        var out = "\(inc.id)  (inferred: not in the corpus, known from citations)\n\nFields\n"
        out += field("sender", "\(inc.sender) (\(people.name(of: inc.sender)))\(inc.senderIsGuessed ? " - guessed: the citing message had several addressees" : "")", line: nil)
        out += field("recipient", "\(inc.recipient) (\(people.name(of: inc.recipient)))", line: nil)
        out += field("date", describe(inc.date), line: nil)
        out += "\nCitations\n"
        for c in inc.citations {
            out += "  \(c.messageID), line \(c.line): \"\(c.phrase)\" (\(c.relation.rawValue))\n"
        }
        let up = a.chainUp(from: inc.id), down = a.chainDown(from: inc.id)
        out += "\nChain up (what it answers)\n" + (up.isEmpty ? "  none\n" : up.map(linkLine).joined())
        out += "\nChain down (what answers it)\n" + (down.isEmpty ? "  none\n" : down.map(linkLine).joined())
        return out
    }
}

extension CorpusAnalysis {
    /// Ids (messages and inferred messages) nearest to `id` by edit distance, for "did you mean".
    public func nearestIDs(to id: String, limit: Int) -> [String] {
        let all = messages.map(\.id) + inferred.map(\.id)
        let scored = all.map { ($0, NearestKey.distance(id.lowercased(), $0.lowercased())) }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
    }
}
