import Analysis
import Correspondence
import Foundation
@testable import GraphRender
import Styling

/// The bundled corpus analysed once for all figure tests, and figure contexts built from it.
enum FigureFixtures {
    static let analysis: CorpusAnalysis = {
        do {
            return CorpusAnalysis(corpus: try CorpusLoader.load(path: nil), lexicon: try TopicLexicon.bundled())
        } catch {
            fatalError("cannot load the bundled corpus: \(error)")
        }
    }()

    static func theme(_ spec: String = "paper") -> Theme {
        do { return try ThemeLoader.load(spec: spec) } catch { fatalError("cannot load style \(spec): \(error)") }
    }

    /// The figure as the command draws it by default (replies: the slice it chooses itself).
    static func figure(_ kind: GraphFigureKind, style: String = "paper", wide: Bool = false) throws -> GraphFigure {
        let analysis = Self.analysis
        let filters = ""
        let context = FigureContext(analysis: analysis, theme: theme(style), wide: wide, styleSpec: style, filterDescription: filters)
        return try GraphFigure.build(kind, context: context)
    }
}
