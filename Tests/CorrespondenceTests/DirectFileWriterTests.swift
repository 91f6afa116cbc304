import Foundation
import Testing
import EpistolaryTestSupport
@testable import Correspondence
#if canImport(Glibc)
import Glibc
#endif

/// Files written past the page cache: every byte arrives in order whatever the sizes, whole
/// aligned blocks go direct where the file system takes direct writes, and anything else (the
/// last short piece, a pipe, a file system that refuses) is written as usual.
struct DirectFileWriterTests {
    /// Bytes of a fixed pseudo-random pattern (no block repeats another, so a misplaced block shows).
    static func pattern(_ count: Int, seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }

    /// Whether the file system of `folder` takes a direct, aligned write: what the writer may use.
    static func takesDirectWrites(_ folder: String) -> Bool {
        #if os(Linux)
        guard let flag = DirectFileWriter.directFlag else { return false }
        let probe = folder + "/probe"
        defer { unlink(probe) }
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | flag, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let block = UnsafeMutableRawPointer.allocate(byteCount: DirectFileWriter.alignment, alignment: DirectFileWriter.alignment)
        defer { block.deallocate() }
        block.initializeMemory(as: UInt8.self, repeating: 7, count: DirectFileWriter.alignment)
        return Glibc.write(fd, block, DirectFileWriter.alignment) == DirectFileWriter.alignment
        #else
        return false
        #endif
    }

    /// Writes `bytes` into `sink` in uneven pieces of up to `longest` bytes, so that pieces
    /// straddle the buffer's end.
    static func writeUnevenly(_ bytes: [UInt8], to sink: ByteSink, longest: Int) {
        var start = 0, step = 1
        while start < bytes.count {
            let end = min(bytes.count, start + step)
            bytes[start..<end].withUnsafeBytes { sink.write(bytes: $0) }
            start = end
            step = step * 3 % longest + 1
        }
    }

    /// Writes `bytes` through a sink of `bufferSize` aligned blocks into a new file in `folder`;
    /// returns the file's bytes and how many went direct.
    static func write(_ bytes: [UInt8], bufferSize: Int, in folder: String, name: String) throws -> (file: [UInt8], direct: Int) {
        let path = folder + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        #expect(fd >= 0)
        let writer = DirectFileWriter(fd: fd, path: path)
        let sink = ByteSink(bufferSize: bufferSize, alignment: DirectFileWriter.alignment) { try writer.write($0) }
        writeUnevenly(bytes, to: sink, longest: 70_001)
        try sink.finish()
        close(fd)
        return (Array(try Data(contentsOf: URL(fileURLWithPath: path))), writer.directBytes)
    }

    @Test func everyByteArrivesAndWholeBlocksGoDirect() throws {
        let folder = try TestFolders.make("direct-file")
        let direct = Self.takesDirectWrites(folder.path)
        let block = 64 * 1024
        for (index, size) in [0, 1, 4095, block - 1, block, block + 1, 3 * block + 17, 5 * block].enumerated() {
            let bytes = Self.pattern(size, seed: UInt64(index + 1))
            let written = try Self.write(bytes, bufferSize: block, in: folder.path, name: "f\(index)")
            #expect(written.file == bytes, "size \(size)")
            // Every whole buffer goes direct (also a last one that is whole); the short rest as usual.
            #expect(written.direct == (direct ? size / block * block : 0), "size \(size): \(written.direct) bytes direct")
        }
    }

    @Test func aPieceThatIsNotWholeBlocksEndsDirectWriting() throws {
        let folder = try TestFolders.make("direct-file")
        let direct = Self.takesDirectWrites(folder.path)
        let path = folder.path + "/mixed"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        defer { close(fd) }
        let writer = DirectFileWriter(fd: fd, path: path)
        let aligned = UnsafeMutableRawBufferPointer.allocate(byteCount: 8192, alignment: DirectFileWriter.alignment)
        defer { aligned.deallocate() }
        var expected: [UInt8] = []
        for (round, count) in [8192, 100, 8192].enumerated() {
            let bytes = Self.pattern(count, seed: UInt64(40 + round))
            aligned.copyBytes(from: bytes)
            try writer.write(UnsafeRawBufferPointer(rebasing: aligned[0..<count]))
            expected += bytes
        }
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == expected)
        #expect(writer.directBytes == (direct ? 8192 : 0), "only the first block, before the short piece")
        #if os(Linux)
        if let flag = DirectFileWriter.directFlag {
            #expect(fcntl(fd, F_GETFL) & flag == 0, "the descriptor is left without O_DIRECT")
        }
        #endif
    }

    @Test func aPipeIsWrittenAsUsual() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let writer = DirectFileWriter(fd: ends[1], path: "pipe")
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: DirectFileWriter.alignment)
        defer { block.deallocate() }
        let bytes = Self.pattern(4096, seed: 9)
        block.copyBytes(from: bytes)
        try writer.write(UnsafeRawBufferPointer(block))
        close(ends[1])
        let read = FileHandle(fileDescriptor: ends[0], closeOnDealloc: false).readDataToEndOfFile()
        #expect(Array(read) == bytes)
        #expect(writer.directBytes == 0)
    }

    @Test func aDescriptorTheProcessWasGivenIsWrittenAsUsual() throws {
        let folder = try TestFolders.make("direct-file")
        let path = folder.path + "/given"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        defer { close(fd) }
        let writer = DirectFileWriter(fd: fd, path: path, mayGoDirect: false)
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 8192, alignment: DirectFileWriter.alignment)
        defer { block.deallocate() }
        let bytes = Self.pattern(8192, seed: 11)
        block.copyBytes(from: bytes)
        try writer.write(UnsafeRawBufferPointer(block))
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
        #expect(writer.directBytes == 0)
    }

    @Test func aStreamedFileOfManyBlocksHasEveryByteAndItsDigest() throws {
        let folder = try TestFolders.make("direct-file")
        let path = folder.path + "/streamed.txt"
        let line = "letter \u{2013} Brief \u{2014} письмо & <lettre>\n"
        let text = String(repeating: line, count: (3 * DirectFileWriter.blockSize) / line.utf8.count + 123)
        let digest = SHA256.Digest()
        let count = try AtomicFile.createNew(at: path, observe: { digest.update($0) }) { XMLText.writeContent(text, to: $0) }
        let expected = XMLText.content(text)
        #expect(count == expected.utf8.count)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(expected.utf8))
        #expect(digest.finish() == SHA256.hex(Array(expected.utf8)))
    }
}
