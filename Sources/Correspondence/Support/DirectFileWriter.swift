#if canImport(Glibc)
import Glibc
#endif

/// Writes a regular file's whole blocks past the page cache (`O_DIRECT` on Linux), the rest as
/// usual. Why: a gallery of 500,000 messages writes some 6 GB; copying that into the page cache
/// took a quarter of the render's CPU time on the 2-core machine of Benchmarks/RESULTS.md
/// (`copy_folio_from_iter_atomic`, 19,400 of 80,425 samples), where 3 GB written with
/// `O_DIRECT` in 1 MiB blocks costs 0.4 s of system time against 2.3–4.9 s through the cache
/// (`dd`, DESIGN.md "Large outputs bypass the page cache").
///
/// It is given pieces in order (a `ByteSink` made with `blockSize` and `alignment`): a piece
/// that is a whole number of blocks at an aligned address goes straight to the device; the
/// first piece that is not (the file's last, shorter piece) turns direct writing off for the
/// rest of the file, so the file's bytes are exactly the pieces in order. Where direct writing
/// is refused (a file system without it, such as an older tmpfs, a pipe, a device, another
/// system), every piece is written as usual. Files shorter than one block never use it.
final class DirectFileWriter {
    /// The pieces handed over: large enough that each direct write keeps the device busy,
    /// small enough to be nothing beside the process (one per file being written).
    static let blockSize = 1 << 20
    /// The address and length alignment every Linux block device accepts for direct writes.
    static let alignment = 4096

    #if os(Linux) && (arch(x86_64) || arch(i386) || arch(riscv64) || arch(s390x))
    /// `O_DIRECT`, which Swift's Glibc module leaves out (glibc defines it only with
    /// `_GNU_SOURCE`): the value of Linux's asm-generic/fcntl.h, which these architectures use.
    static let directFlag: Int32? = 0o40000
    #elseif os(Linux) && (arch(arm64) || arch(arm))
    /// `O_DIRECT` of Linux's arch/arm64 (and arm) uapi/asm/fcntl.h.
    static let directFlag: Int32? = 0o200000
    #else
    /// Another system or architecture: files are written as usual.
    static let directFlag: Int32? = nil
    #endif

    private let fd: Int32
    private let path: String
    /// Whether the descriptor has `O_DIRECT` set now.
    private var direct = false
    /// Whether direct writing may still be tried (false once refused or once a piece was not whole blocks).
    private var mayGoDirect: Bool
    /// Bytes that went to the file past the page cache (what the tests check).
    private(set) var directBytes = 0

    /// A writer for `fd`, open for writing at `path` (named in errors). Direct writing is only
    /// tried when `mayGoDirect` (a file this process created: a descriptor it was given shares
    /// its flags with the shell) and `fd` is a regular file.
    init(fd: Int32, path: String, mayGoDirect: Bool = true) {
        self.fd = fd
        self.path = path
        #if os(Linux)
        var status = stat()
        self.mayGoDirect = mayGoDirect && Self.directFlag != nil && fstat(fd, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
        #else
        self.mayGoDirect = false
        #endif
    }

    /// Writes `piece` after everything written before; a failed write is an environment error
    /// naming the file.
    func write(_ piece: UnsafeRawBufferPointer) throws {
        guard let base = piece.baseAddress, !piece.isEmpty else { return }
        #if os(Linux)
        if mayGoDirect {
            if piece.count % Self.alignment == 0 && Int(bitPattern: base) % Self.alignment == 0 && setDirect(true) {
                if try writeDirect(piece) { return }
            } else {
                mayGoDirect = false
            }
            if direct { _ = setDirect(false) }
        }
        #endif
        try OutputPath.writeAll(piece, to: fd, path: path)
    }

    #if os(Linux)
    /// Sets or clears `O_DIRECT`; false (and no more tries) when the file system refuses it.
    private func setDirect(_ on: Bool) -> Bool {
        if direct == on { return true }
        let flags = fcntl(fd, F_GETFL)
        guard let flag = Self.directFlag, flags >= 0, fcntl(fd, F_SETFL, on ? flags | flag : flags & ~flag) == 0 else {
            mayGoDirect = false
            return false
        }
        direct = on
        return true
    }

    /// Writes the whole piece directly. False, with nothing written, when the first write is
    /// refused as direct (EINVAL: the alignment or the file system), and direct writing is
    /// given up. A short direct write (a nearly full disk) writes the rest as usual, where the
    /// error, if any, is met and thrown.
    private func writeDirect(_ piece: UnsafeRawBufferPointer) throws -> Bool {
        let base = piece.baseAddress!
        var done = 0
        while done < piece.count {
            let n = Glibc.write(fd, base + done, piece.count - done)
            if n < 0 && errno == EINTR { continue }
            if n < 0 && errno == EINVAL && done == 0 {
                mayGoDirect = false
                return false
            }
            if n <= 0 || n < piece.count - done {
                mayGoDirect = false
                _ = setDirect(false)
                try OutputPath.writeAll(UnsafeRawBufferPointer(start: base + done + max(n, 0), count: piece.count - done - max(n, 0)),
                                        to: fd, path: path)
                return true
            }
            done += n
            directBytes += n
        }
        return true
    }
    #endif
}
