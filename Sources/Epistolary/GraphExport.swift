import Analysis
import Correspondence
import Export
import Foundation

/// Files other tools open: GraphML, GEXF, CMIF, Cytoscape.js, node-link JSON, CSV tables and
/// TimelineJS. An open date bound is written open, never filled in.
///
/// ```swift
/// try GraphExport.write(.gexf, of: analysis, to: URL(fileURLWithPath: "letters.gexf"))
/// ```
public enum GraphExport {
    /// The export's files as (name, text); a single-file format gives one entry with an empty
    /// name, `csv` gives several tables.
    public static func files(_ format: ExportFormat, of analysis: CorpusAnalysis) -> [(name: String, text: String)] {
        Exporter().files(format, analysis: analysis)
    }

    /// Writes the export to `url`: a file, or for `csv` a folder of tables, all or nothing
    /// (`OutputBatch`, as the command line writes them).
    public static func write(_ format: ExportFormat, of analysis: CorpusAnalysis, to url: URL) throws {
        let files = files(format, of: analysis)
        var batch = OutputBatch()
        if format.writesFolder {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for file in files { batch.add(file.text, to: url.appendingPathComponent(file.name)) }
        } else {
            batch.add(files.map(\.text).joined(), to: url)
        }
        try batch.commit()
    }
}
