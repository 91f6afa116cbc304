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
    /// Each file is streamed into its temporary file as it is written, never held whole.
    public static func write(_ format: ExportFormat, of analysis: CorpusAnalysis, to url: URL) throws {
        let parts = Exporter().parts(format, analysis: analysis)
        var batch = OutputBatch()
        if format.writesFolder {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for part in parts { batch.add(toPath: url.appendingPathComponent(part.name).path, produce: part.write) }
        } else {
            batch.add(toPath: url.path) { sink in for part in parts { part.write(sink) } }
        }
        try batch.commit()
    }
}
