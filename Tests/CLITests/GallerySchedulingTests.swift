import Dispatch
import Synchronization
import Testing
@testable import EpistolaryCLI

/// How the gallery runs its jobs: longest first, and one graph's drawing shared by its files.
@Suite struct GallerySchedulingTests {
    @Test func scheduleStartsTheLongestJobsFirstAndRunsEveryJobOnce() {
        let names = ["graphs", "timelines", "correspondents.graphml", "correspondents.gexf", "replies.graphml", "replies.gexf",
                     "report", "something new", "catalogue"]
        let order = Gallery.schedule(names)
        #expect(order.sorted() == Array(names.indices))
        #expect(names[order[0]] == "replies.graphml")
        // The first file of a graph (which makes its drawing) before its siblings.
        #expect(order.firstIndex(of: 2)! < order.firstIndex(of: 3)!)
        #expect(order.firstIndex(of: 4)! < order.firstIndex(of: 5)!)
        #expect(names[order.last!] == "something new")
        #expect(names[order[order.count - 2]] == "report")
    }

    @Test func oneGraphsFilesAreWrittenBeforeTheNextGraphIsMade() {
        let graphs = ["replies", "mentions", "correspondents"]
        let suffixes = ["graphml", "gexf", "node-link.json", "cyjs"]
        let names = graphs.reversed().flatMap { graph in suffixes.map { "\(graph).\($0)" } }
            + ["graphs", "timelines", "catalogue", "cmif", "timelinejs", "gexf1.3+csv", "report"]
        let started = Gallery.schedule(names).map { names[$0] }
        for (earlier, later) in zip(graphs, graphs.dropFirst()) {
            let lastOfEarlier = suffixes.map { started.firstIndex(of: "\(earlier).\($0)")! }.max()!
            let firstOfLater = suffixes.map { started.firstIndex(of: "\(later).\($0)")! }.min()!
            #expect(lastOfEarlier < firstOfLater, "\(earlier) is let go before \(later) is made")
        }
        // The gallery's figures (passes over every message of their own) start only after every
        // file of the replies graph, the largest, has started: not beside the whole of it.
        let lastReplies = suffixes.map { started.firstIndex(of: "replies.\($0)")! }.max()!
        #expect(started.firstIndex(of: "graphs")! > lastReplies)
        // The job started beside the gallery's figures is not a mentions export, whose drawing
        // would wait for the parts those figures are making.
        #expect(!started[started.firstIndex(of: "graphs")! + 1].hasPrefix("mentions."))
        // Whoever takes the job after a graph's first file has other work while the graph is made.
        for graph in graphs {
            let first = started.firstIndex(of: "\(graph).graphml")!
            #expect(!started[first + 1].hasPrefix(graph + "."))
        }
    }

    final class Drawing: Sendable {
        let id: Int
        init(id: Int) { self.id = id }
    }

    @Test func aSharedPartIsMadeOnceAndLetGoAfterItsLastUse() {
        let made = Atomic<Int>(0)
        let part = SharedPart(uses: 8) { () -> Drawing in
            Drawing(id: made.add(1, ordering: .relaxed).newValue)
        }
        let seen = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            part.use { drawing in seen.withLock { $0.append(drawing.id) } }
        }
        #expect(made.load(ordering: .relaxed) == 1)
        #expect(seen.withLock { $0 } == Array(repeating: 1, count: 8))
        // Past its uses the part holds nothing: a further use makes it again.
        part.use { drawing in #expect(drawing.id == 2) }
    }
}
