import Correspondence
import Foundation
import Synchronization

/// A gallery being written: a fresh, registered folder beside the target (removed if the run
/// fails or is interrupted), filled file by file as each figure or export is made, then
/// swapped in with one rename (`TemporaryFiles.swapFolder`), all or nothing.
///
/// Each file goes to disk as soon as it is made and only its manifest entry (size, SHA-256)
/// is kept, so a gallery of 500,000 messages never holds all its exports in memory at once.
final class GalleryStaging: Sendable {
    /// The gallery folder as given, and the staging folder beside it.
    let target: String
    let path: String
    /// Sub-folders already made in the staging folder.
    private let folders = Mutex<Set<String>>([])

    /// Checks `out` (`GalleryFolder.checkTarget`) and makes the staging folder beside it.
    init(out: String) throws {
        target = URL(fileURLWithPath: out).standardized.path
        try GalleryFolder.checkTarget(target)
        let parent = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent.isEmpty ? "/" : parent, withIntermediateDirectories: true)
        path = try TemporaryFiles.createFolder(nextTo: target)
    }

    /// Writes `file` into the staging folder and returns its manifest entry.
    func write(_ file: GalleryFile) throws -> GalleryManifest.Entry {
        try file.data.withUnsafeBytes { bytes in
            try write(bytes, path: file.path, kind: file.kind, format: file.format, shows: file.shows, caption: file.caption)
        }
    }

    /// Writes what `produce` writes into a new file of the staging folder, streamed through a
    /// `ByteSink` (64 KiB at a time) and hashed as it goes, and returns its manifest entry:
    /// an export is never held whole in memory.
    /// - Complexity: O(n) in the bytes written.
    func write(path file: String, kind: GalleryFile.Kind, format: String, shows: String, caption: String? = nil,
               produce: (ByteSink) throws -> Void) throws -> GalleryManifest.Entry {
        try makeFolders(for: file)
        let digest = SHA256.Digest()
        let count = try AtomicFile.createNew(at: path + "/" + file, observe: { digest.update($0) }, produce: produce)
        return GalleryManifest.Entry(path: file, kind: kind, format: format, shows: shows, caption: caption,
                                     bytes: count, sha256: digest.finish())
    }

    private func write(_ bytes: UnsafeRawBufferPointer, path file: String, kind: GalleryFile.Kind, format: String,
                       shows: String, caption: String?) throws -> GalleryManifest.Entry {
        try makeFolders(for: file)
        try AtomicFile.createNew(bytes: bytes, at: path + "/" + file)
        return GalleryManifest.Entry(path: file, kind: kind, format: format, shows: shows, caption: caption,
                                     bytes: bytes.count, sha256: SHA256.hex(bytes.bindMemory(to: UInt8.self)))
    }

    /// Makes the sub-folders of `file` in the staging folder that are not there yet.
    private func makeFolders(for file: String) throws {
        let folder = (file as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        try folders.withLock { made in
            // One level at a time, never the staging folder itself: after an interrupt has
            // removed it, a job still writing must fail, not make it again.
            var prefix = ""
            for component in folder.split(separator: "/") {
                prefix += (prefix.isEmpty ? "" : "/") + component
                if made.contains(prefix) { continue }
                if mkdir(path + "/" + prefix, 0o755) != 0 && errno != EEXIST {
                    throw EpistolaryError(.environment, file: target, "cannot make the folder \(prefix) of the new gallery (\(String(cString: strerror(errno))))")
                }
                made.insert(prefix)
            }
        }
    }

    /// Writes the manifest and swaps the staging folder in for the target.
    func finish(manifest: Data) throws {
        do {
            try AtomicFile.createNew(manifest, at: path + "/manifest.json")
            try TemporaryFiles.swapFolder(path, into: target)
        } catch {
            abandon()
            throw error
        }
    }

    /// Removes the staging folder: the target keeps the gallery it had.
    func abandon() {
        TemporaryFiles.remove(path)
    }
}
