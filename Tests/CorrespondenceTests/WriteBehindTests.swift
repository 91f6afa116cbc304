import Foundation
import Testing
import EpistolaryTestSupport
@testable import Correspondence
#if canImport(Glibc)
import Glibc
#endif

/// A stream written behind (`OutputContent.stream`: the sink hands its full buffers to
/// `WriteBehind`, which writes them on a queue of its own): the file has every byte in order,
/// the observer (the manifest's digest) sees exactly those bytes in order, and a failed write
/// is thrown naming the file, whatever the maker writes after it.
struct WriteBehindTests {
    static let block = DirectFileWriter.blockSize

    /// Writes `bytes` in uneven pieces (so that pieces straddle the buffers' ends) through the
    /// stream into a new file; returns the file's bytes, what the observer saw and the count.
    static func stream(_ bytes: [UInt8], in folder: String, name: String) throws -> (file: [UInt8], observed: [UInt8], count: Int) {
        let path = folder + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        #expect(fd >= 0)
        var observed: [UInt8] = []
        let count = try OutputContent.stream(fd: fd, path: path, ownFile: true, observe: { observed += $0 }) { sink in
            DirectFileWriterTests.writeUnevenly(bytes, to: sink, longest: 300_007)
        }
        close(fd)
        return (Array(try Data(contentsOf: URL(fileURLWithPath: path))), observed, count)
    }

    /// Where two byte arrays first differ (the shorter one's length if one is a prefix), or nil.
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int? {
        if let index = (0..<min(a.count, b.count)).first(where: { a[$0] != b[$0] }) { return index }
        return a.count == b.count ? nil : min(a.count, b.count)
    }

    @Test func everyByteArrivesInOrderAndTheObserverSeesThemAll() throws {
        let folder = try TestFolders.make("write-behind")
        for (index, size) in [0, 1, Self.block - 1, Self.block, Self.block + 1, 7 * Self.block + 4097].enumerated() {
            let bytes = DirectFileWriterTests.pattern(size, seed: UInt64(100 + index))
            let written = try Self.stream(bytes, in: folder.path, name: "f\(index)")
            // The offsets of the first difference, not the arrays: a failure must not print megabytes.
            #expect(Self.firstDifference(written.file, bytes) == nil, "size \(size): the file differs")
            #expect(Self.firstDifference(written.observed, bytes) == nil, "size \(size): the observer saw other bytes")
            #expect(written.count == size)
        }
    }

    /// `/dev/full` refuses every write (ENOSPC): the stream throws an environment error naming
    /// the path once the maker is done, though the maker went on writing many blocks after the
    /// first failed one.
    @Test func aFailedWriteIsThrownNamingTheFile() throws {
        let fd = open("/dev/full", O_WRONLY)
        try #require(fd >= 0, "no /dev/full on this system")
        defer { close(fd) }
        var thrown: Error?
        do {
            _ = try OutputContent.stream(fd: fd, path: "/dev/full", ownFile: false, observe: nil) { sink in
                let piece = [UInt8](repeating: 65, count: 100_000)
                for _ in 0..<100 { piece.withUnsafeBytes { sink.write(bytes: $0) } }
            }
        } catch {
            thrown = error
        }
        let error = try #require(thrown as? EpistolaryError)
        #expect(error.kind == .environment)
        #expect(error.description.contains("/dev/full"))
    }

    /// A maker that fails half-way: its error comes out (not a write error), after the blocks
    /// already handed over are written, so the caller may close and remove the file.
    @Test func theMakersOwnFailureComesOutAfterTheWritesEnd() throws {
        struct Stop: Error {}
        let folder = try TestFolders.make("write-behind")
        let path = folder.path + "/half"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        try #require(fd >= 0)
        defer { close(fd) }
        let bytes = DirectFileWriterTests.pattern(3 * Self.block + 5, seed: 9)
        #expect(throws: Stop.self) {
            _ = try OutputContent.stream(fd: fd, path: path, ownFile: true, observe: nil) { sink in
                bytes.withUnsafeBytes { sink.write(bytes: $0) }
                throw Stop()
            }
        }
        // The three whole blocks went before the failure; the short rest was never handed over.
        let file = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Self.firstDifference(file, Array(bytes.prefix(3 * Self.block))) == nil)
    }
}
