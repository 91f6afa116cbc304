import Foundation

/// What is left of an input that can be read only once (standard input, a FIFO), copied as it
/// comes to a temporary file that is unlinked at once: a reader that needs the input twice (the
/// table's two passes) or by a path (the CMIF reader's XML parser, its hash and its record
/// count) reads the copy instead of holding the input in memory. One rule for both readers.
enum TemporaryCopy {
    /// A descriptor of the copy (the caller closes it; the file is already unlinked) holding
    /// `prefix`, the bytes already read from `source`, then the rest of `source` (not closed
    /// here); nil when no temporary file can be made (`TMPDIR` not writable), for the caller to
    /// read the input whole instead. Throws `.badData` when `source` cannot be read and
    /// `.environment` when the copy cannot be written (a full disk), naming `shown`.
    /// - Complexity: O(n) in the bytes, written once, a megabyte at a time.
    static func make(of source: Int32, prefix: [UInt8], shownAs shown: String) throws -> Int32? {
        let folder = FileManager.default.temporaryDirectory.path
        var template = Array("\(folder)/epistolary-input-XXXXXX".utf8CString)
        let copy = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard copy >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        _ = fcntl(copy, F_SETFD, FD_CLOEXEC)
        func cannotCopy() -> EpistolaryError {
            EpistolaryError(.environment, file: shown, "cannot be copied to a temporary file in \(folder) to be read (\(String(cString: strerror(errno))))")
        }
        func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
            var done = 0
            while done < bytes.count {
                let wrote = write(copy, bytes.baseAddress! + done, bytes.count - done)
                if wrote < 0, errno == EINTR { continue }
                guard wrote > 0 else { throw cannotCopy() }
                done += wrote
            }
        }
        do {
            try prefix.withUnsafeBytes { try writeAll($0) }
            let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
            defer { chunk.deallocate() }
            while true {
                let got = read(source, chunk.baseAddress!, chunk.count)
                if got < 0, errno == EINTR { continue }
                guard got >= 0 else { throw EpistolaryError(.badData, file: shown, "cannot be read") }
                if got == 0 { break }
                try writeAll(UnsafeRawBufferPointer(rebasing: chunk[..<got]))
            }
        } catch {
            close(copy)
            throw error
        }
        return copy
    }
}
