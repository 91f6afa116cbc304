internal import CGraphviz
import Foundation

/// What `epistolary doctor` reports about Graphviz in this process: its version, which
/// layouts and formats actually work (each tried on a tiny graph, not read from the plugin
/// list), and the font file the figures' default family resolves to.
public struct GraphvizDiagnostics: Sendable {
    /// One capability tried in process.
    public struct Check: Sendable, Equatable {
        public var name: String
        public var works: Bool
        /// Graphviz's messages when it does not work.
        public var problem: String?
    }

    public var version: String
    public var layouts: [Check]
    public var formats: [Check]
    /// The family asked for ("DejaVu Sans").
    public var fontFamily: String
    /// The file fontconfig resolves it to, in process (the same library pango uses), or nil.
    public var fontFile: String?
    /// The family fontconfig actually matched ("DejaVu Sans"); differs from `fontFamily` when
    /// it substituted another font.
    public var matchedFamily: String?

    /// True when every layout and format works and the font resolves to its own family.
    public var isHealthy: Bool {
        layouts.allSatisfy(\.works) && formats.allSatisfy(\.works) && fontFile != nil
            && matchedFamily?.lowercased() == fontFamily.lowercased()
    }
}

extension GraphvizEngine {
    /// Tries every supported layout and format on a two-node graph and resolves `fontFamily`
    /// through fontconfig (linked in process rather than running `fc-match`, so it works
    /// without the fontconfig command-line tools and answers exactly as pango will).
    public func diagnostics(fontFamily: String = "DejaVu Sans") -> GraphvizDiagnostics {
        let probe = """
        digraph "probe" {
          graph [fontname="\(fontFamily)"]; node [fontname="\(fontFamily)"]; edge [fontname="\(fontFamily)"];
          "a" -> "b" [label="Łódź"];
        }
        """
        func attempt(_ name: String, _ body: () throws -> RenderedGraph) -> GraphvizDiagnostics.Check {
            do {
                let rendered = try body()
                return .init(name: name, works: !rendered.data.isEmpty, problem: rendered.data.isEmpty ? "empty output" : nil)
            } catch {
                return .init(name: name, works: false, problem: String(describing: error))
            }
        }
        var layouts = LayoutEngine.supported.map { engine in
            attempt(engine.name) { try render(probe, engine: engine, format: .svg) }
        }
        // The replies figure places every node and curve itself and has Graphviz draw them as given.
        let pinnedProbe = """
        digraph "probe" {
          graph [fontname="\(fontFamily)"]; node [fontname="\(fontFamily)"]; edge [fontname="\(fontFamily)"];
          "a" [pos="0,0!"]; "b" [pos="100,0!"];
          "a" -> "b" [pos="e,90,0 10,0 40,0 60,0 90,0"];
        }
        """
        layouts.append(attempt(LayoutEngine.pinned.name) { try render(pinnedProbe, engine: .pinned, format: .svg) })
        let formats = [GraphFormat.svg, .png, .pdf].map { format in
            attempt(format.rawValue) { try render(probe, engine: .dot, format: format, dpi: 72) }
        }
        let font = Self.resolveFont(family: fontFamily)
        return GraphvizDiagnostics(version: version, layouts: layouts, formats: formats,
                                   fontFamily: fontFamily, fontFile: font?.file, matchedFamily: font?.family)
    }

    /// fontconfig's best match for `family`: its file and family name.
    static func resolveFont(family: String) -> (file: String, family: String)? {
        guard let config = FcInitLoadConfigAndFonts() else { return nil }
        defer { FcConfigDestroy(config) }
        guard let pattern = family.withCString({ FcNameParse(UnsafeRawPointer($0).assumingMemoryBound(to: FcChar8.self)) }) else { return nil }
        defer { FcPatternDestroy(pattern) }
        FcConfigSubstitute(config, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let match = FcFontMatch(config, pattern, &result) else { return nil }
        defer { FcPatternDestroy(match) }
        var file: UnsafeMutablePointer<FcChar8>?
        var matched: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(match, "file", 0, &file) == FcResultMatch, let file else { return nil }
        let familyName = FcPatternGetString(match, "family", 0, &matched) == FcResultMatch
            ? matched.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) } : nil
        return (String(cString: UnsafeRawPointer(file).assumingMemoryBound(to: CChar.self)), familyName ?? "")
    }
}
