import Analysis
import Correspondence
import Styling

/// Who wrote about what: topics on the left, correspondents on the right, a line between a
/// topic and a correspondent as wide as the messages on that topic exchanged with them, in
/// the correspondent's colour (the palette has fewer colours than a lexicon has topics, and a
/// person keeps one colour across figures; topics are named on their boxes).
///
/// Why this and not topic co-occurrence: the corpus is a star around one writer, so "who"
/// is the counterpart of each exchange, and a topic-by-correspondent picture answers the
/// historian's first question (which leader was Poland, the convoys or the second front
/// discussed with) directly, in two readable columns at any width. Topics co-occur in
/// nearly every pairing in this corpus, so a co-occurrence network is close to a clique whose
/// edge widths a reader cannot decode at column width. The hub itself is left out: every
/// message involves them.
struct TopicsFigure {
    let context: FigureContext
    let engine: LayoutEngine

    func figure() -> GraphFigure {
        let analysis = context.analysis
        let theme = context.theme
        let style = FigureStyle(theme: theme, wide: context.wide)
        let hub = context.hub
        let title = "Who wrote about what" + (context.filterDescription.isEmpty ? "" : " (\(context.filterDescription))")

        // Messages per (topic, counterpart), and totals.
        var weights: [String: [String: Int]] = [:]
        var topicTotals: [String: Int] = [:]
        var personTotals: [String: Int] = [:]
        var counted: [Message] = []
        for message in analysis.messages {
            guard let matches = analysis.topics[message.id], !matches.isEmpty else { continue }
            counted.append(message)
            guard let counterpart = RepliesFigure.counterpart(writer: message.sender, addressees: message.recipients, hub: hub) else { continue }
            personTotals[counterpart, default: 0] += 1
            for match in matches {
                weights[match.topic, default: [:]][counterpart, default: 0] += 1
                topicTotals[match.topic, default: 0] += 1
            }
        }
        let topics = analysis.lexicon.topics.filter { (topicTotals[$0.id] ?? 0) > 0 }
        let people = personTotals.keys.sorted { personTotals[$0]! != personTotals[$1]! ? personTotals[$0]! > personTotals[$1]! : $0 < $1 }
        let heaviest = weights.values.flatMap(\.values).max() ?? 1

        var dot = DOTWriter(name: "topics")
        dot.comment("Epistolary topics figure of \(analysis.corpus.sourceName); sha256 \(analysis.corpus.sourceHash)")
        dot.graph(style.graphAttributes([("layout", .text(engine.name)), ("rankdir", "LR"), ("ranksep", .number(max(0.8, theme.graph.ranksepIn))),
                                         ("nodesep", .number(0.06)), ("splines", "true")])
                  + legend(heaviest: heaviest, people: people).graphAttributes(style: style))
        dot.nodeDefaults(style.nodeDefaults([("shape", .text(theme.graph.node.shape)), ("style", .text(style.nodeStyle)),
                                             ("margin", .number(theme.graph.node.marginIn)), ("height", .number(0.22))]))
        dot.edgeDefaults(style.edgeDefaults([("arrowhead", "none")]))
        dot.subgraph("topics", [("rank", "same")]) { column in
            for topic in topics {
                let label = FigureLegend.wrap("\(topic.label) (\(topicTotals[topic.id] ?? 0))", font: style.labelFont, width: 100).joined(separator: "\n")
                column.node("topic:" + topic.id, [("label", .text(label)),
                                                  ("fillcolor", .text(theme.colors.paper.hex))])
            }
        }
        dot.subgraph("people", [("rank", "same")]) { column in
            for person in people {
                column.node("person:" + person, [("label", .text("\(context.shortName(of: person)) (\(personTotals[person] ?? 0))")),
                                                 ("fillcolor", .text(style.fill(context.people[person].color).hex))])
            }
        }
        for topic in topics {
            for person in people {
                guard let weight = weights[topic.id]?[person], weight > 0 else { continue }
                dot.edge("topic:" + topic.id, "person:" + person, [("color", .text(context.people[person].color.hex)),
                                                                   ("penwidth", .number(style.penWidth(weight, maximum: heaviest))),
                                                                   ("tooltip", .text("\(topic.label) with \(analysis.corpus.people.displayName(of: person)): \(weight) messages"))])
            }
        }
        let shows = "Topics of \(analysis.corpus.sourceName) (left, with their message counts) against the correspondents "
            + "they were discussed with (right); line width grows with the number of messages on the topic exchanged with "
            + "that correspondent. A message may belong to several topics."
        return GraphFigure(kind: .topics, title: title, shows: shows, dot: dot.text, engine: engine,
                           context: context, messages: counted, inferredCount: 0)
    }

    private func legend(heaviest: Int, people: [String]) -> FigureLegend {
        let muted = context.theme.colors.muted
        return FigureLegend(title: "Who wrote about what" + (context.filterDescription.isEmpty ? "" : " (\(context.filterDescription))"),
                            groups: [
                                people.map { FigureLegend.Entry(swatch: .line(context.people[$0].color, style: "solid", heavy: true), text: context.shortName(of: $0)) },
                                [FigureLegend.Entry(swatch: .line(muted, style: "solid", heavy: false), text: "1 message"),
                                 FigureLegend.Entry(swatch: .line(muted, style: "solid", heavy: true), text: "\(heaviest) messages")],
                            ],
                            notes: ["Line width: messages on the topic exchanged with the correspondent. (n): messages in all."])
    }
}
