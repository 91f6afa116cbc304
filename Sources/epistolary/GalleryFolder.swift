import Correspondence
import Foundation

/// Where a gallery is written: built in a fresh folder beside the target (`GalleryStaging`),
/// then swapped in with one rename (`TemporaryFiles.swapFolder`), so an interrupted run leaves
/// the old gallery whole and a finished run leaves exactly the new one, never a mix of two runs.
enum GalleryFolder {
    /// Refuses (exit 2) a target the swap would harm: a file; a folder that holds other things
    /// than a gallery (no manifest.json: the swap would remove them); a folder holding an input.
    static func checkTarget(_ out: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw EpistolaryError(.badUsage, file: out, "is a file; --out names the gallery folder")
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        if !contents.isEmpty && !contents.contains("manifest.json") {
            throw EpistolaryError(.badUsage, file: out, "holds files but no manifest.json, so it is not a gallery; the gallery replaces its folder whole, so give a new, empty or gallery folder")
        }
        if let input = InputFiles.inside(folder: out) {
            throw EpistolaryError(.badUsage, file: input, "is an input of this run inside the gallery folder \(out), which the gallery replaces; move it out or choose another --out")
        }
    }
}
