import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes output files so that an interrupted or failed run never leaves a half-written one,
/// never overwrites an input and never replaces a device: the one door every output goes through.
///
/// - A regular file is written to a temporary file beside it (`TemporaryFiles.create`: a
///   unique random name, `O_CREAT|O_EXCL|O_NOFOLLOW`, removed on SIGINT and SIGTERM), then
///   renamed over the target.
/// - `-`, `/dev/stdout`, `/dev/null`, FIFOs, sockets and devices are written as streams, in
///   place: never replaced, never renamed over.
/// - A target that is the same file as an input (`InputFiles`) is refused (exit 2).
/// - `OutputBatch` writes several files all or nothing.
/// - A write that fails (a full disk, a closed pipe, `/dev/full`) is an environment error
///   (exit 3) naming the file and the reason.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        var batch = OutputBatch()
        batch.add(data, to: url)
        try batch.commit()
    }

    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// Writes a new file at `path` inside a folder this process made for itself (a gallery
    /// being built): `O_CREAT|O_EXCL|O_NOFOLLOW`, so nothing already there is followed or reused.
    public static func createNew(_ data: Data, at path: String) throws {
        try data.withUnsafeBytes { try createNew(bytes: $0, at: path) }
    }

    /// `createNew` of bytes in place (a string's UTF-8), so that a large export is not copied
    /// into a `Data` just to be written.
    public static func createNew(bytes: UnsafeRawBufferPointer, at path: String) throws {
        try createNew(at: path) { fd in try OutputPath.writeAll(bytes, to: fd, path: path) }
    }

    /// `createNew` of what `produce` writes, streamed to the file through a `ByteSink` as it is
    /// made; `observe` sees each piece as it goes to the file (a running digest). Returns the
    /// number of bytes written.
    /// - Complexity: O(n) in the bytes written, with a buffer of `DirectFileWriter.blockSize`.
    public static func createNew(at path: String, observe: ((UnsafeRawBufferPointer) -> Void)? = nil,
                                 produce: (ByteSink) throws -> Void) throws -> Int {
        var count = 0
        try createNew(at: path) { fd in
            count = try OutputContent.stream(fd: fd, path: path, ownFile: true, observe: observe, produce: produce)
        }
        return count
    }

    private static func createNew(at path: String, fill: (Int32) throws -> Void) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            throw EpistolaryError(.environment, file: path, "cannot create (\(String(cString: strerror(errno))))")
        }
        do {
            try fill(fd)
        } catch {
            close(fd)
            throw error
        }
        if close(fd) != 0 {
            throw EpistolaryError(.environment, file: path, "cannot write (\(String(cString: strerror(errno))))")
        }
    }
}

/// What an output holds: bytes already made, or a writer that streams them into a
/// `ByteSink` over the file's descriptor when the file is written (a large export is never
/// held whole in memory).
public enum OutputContent {
    case bytes(Data)
    case stream((ByteSink) -> Void)

    /// Writes the content to `fd`; a failed write is an environment error naming `path`.
    /// `ownFile`: `fd` is a file this process created (a temporary file), which may be written
    /// past the page cache; never a descriptor it was given, whose flags the shell shares.
    func write(to fd: Int32, path: String, ownFile: Bool) throws {
        switch self {
        case .bytes(let data): try OutputPath.writeAll(data, to: fd, path: path)
        case .stream(let produce): _ = try Self.stream(fd: fd, path: path, ownFile: ownFile, observe: nil, produce: produce)
        }
    }

    /// Runs `produce` over a sink that writes to `fd` (and shows each piece to `observe`, in
    /// order, as it is handed over); returns the number of bytes. A file of this process's own
    /// (`ownFile`) is written in whole blocks past the page cache (`DirectFileWriter`), and every
    /// piece is written behind, on a thread of its own (`WriteBehind`), while the next is made.
    static func stream(fd: Int32, path: String, ownFile: Bool, observe: ((UnsafeRawBufferPointer) -> Void)?,
                       produce: (ByteSink) throws -> Void) throws -> Int {
        let file = DirectFileWriter(fd: fd, path: path, mayGoDirect: ownFile)
        let behind = WriteBehind(file: file, bufferSize: DirectFileWriter.blockSize, alignment: DirectFileWriter.alignment)
        let sink = ByteSink(bufferSize: DirectFileWriter.blockSize, first: behind.first) { full, count in
            observe?(UnsafeRawBufferPointer(start: full, count: count))
            return behind.exchange(full, count: count)
        }
        do {
            try produce(sink)
            try sink.finish()
        } catch {
            // Nothing may still be writing to `fd` when the caller closes it.
            try? behind.finish()
            throw error
        }
        try behind.finish()
        return sink.byteCount
    }
}

/// Several output files written all or nothing: every regular file is first written to its
/// temporary file, and only when all of them are complete are they renamed into place; if a
/// rename fails, the ones already moved are put back as they were. Streams (standard output,
/// devices, FIFOs), which cannot be taken back, are written after the files.
public struct OutputBatch {
    private var entries: [(target: String, content: OutputContent)] = []

    public init() {}

    public mutating func add(_ data: Data, to url: URL) {
        entries.append((url.path, .bytes(data)))
    }

    /// Adds `data` for `path` as the user gave it (`-` is standard output).
    public mutating func add(_ data: Data, toPath path: String) {
        entries.append((path, .bytes(data)))
    }

    /// Adds the output of `produce`, streamed into its temporary file (or the stream) when the
    /// batch is committed, for `path` as the user gave it (`-` is standard output).
    public mutating func add(toPath path: String, produce: @escaping (ByteSink) -> Void) {
        entries.append((path, .stream(produce)))
    }

    public mutating func add(_ text: String, to url: URL) {
        add(Data(text.utf8), to: url)
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Whether `path` is written as a stream (standard output, a device, a FIFO): such an
    /// output gets no sidecar file beside it (`/dev/null.caption.json` is not a place).
    public static func isStream(_ path: String) -> Bool {
        if case .stream? = try? OutputPath.classify(path) { return true }
        return false
    }

    /// Writes every file; on any error, none of the regular files has changed.
    public func commit() throws {
        var files: [(target: String, content: OutputContent)] = []
        var streams: [(target: String, content: OutputContent, destination: OutputPath.Stream)] = []
        for entry in entries {
            switch try OutputPath.classify(entry.target) {
            case .stream(let destination): streams.append((entry.target, entry.content, destination))
            case .file: files.append(entry)
            }
        }
        try Self.commitFiles(files)
        for stream in streams { try OutputPath.writeStream(stream.content, to: stream.destination, path: stream.target) }
    }

    private static func commitFiles(_ files: [(target: String, content: OutputContent)]) throws {
        guard !files.isEmpty else { return }
        var staged: [(target: String, temporary: String)] = []
        do {
            for file in files {
                let folder = (file.target as NSString).deletingLastPathComponent
                try OutputPath.createFolder(folder.isEmpty ? "." : folder)
                let temporary = try TemporaryFiles.create(nextTo: file.target) { fd, path in
                    try file.content.write(to: fd, path: file.target, ownFile: true)
                }
                staged.append((file.target, temporary))
            }
        } catch {
            for item in staged { TemporaryFiles.remove(item.temporary) }
            throw error
        }
        try TemporaryFiles.renameAll(staged)
    }
}

/// What an output path names: a regular file (written beside and renamed) or a stream.
enum OutputPath {
    enum Stream: Equatable {
        /// An open descriptor of this process (`-`, `/dev/stdout`, `/dev/fd/N`).
        case descriptor(Int32)
        /// A device, FIFO or socket, opened for writing where it is.
        case special(String)
    }

    enum Kind: Equatable {
        case file
        case stream(Stream)
    }

    /// Classifies `path`, refusing one that is the same file as an input.
    static func classify(_ path: String) throws -> Kind {
        if path == "-" { return .stream(.descriptor(STDOUT_FILENO)) }
        var link = stat()
        let exists = lstat(path, &link) == 0
        if exists, (link.st_mode & S_IFMT) == S_IFLNK, path.hasPrefix("/dev/") || path.hasPrefix("/proc/") {
            // /dev/stdout, /dev/fd/1, /proc/self/fd/1: the process's own descriptor, whatever it
            // is connected to (a regular file when the shell redirected it).
            if let fd = descriptor(named: path) { return .stream(.descriptor(fd)) }
        }
        var target = stat()
        if stat(path, &target) == 0 {
            try InputFiles.refuseIfInput(path, device: UInt64(target.st_dev), inode: UInt64(target.st_ino))
            let type = target.st_mode & S_IFMT
            if type == S_IFDIR {
                throw EpistolaryError(.badUsage, file: path, "is a folder; give a file name")
            }
            if type != S_IFREG { return .stream(.special(path)) }
        }
        return .file
    }

    /// The descriptor a `/dev/std*`, `/dev/fd/N` or `/proc/self/fd/N` path names.
    private static func descriptor(named path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/\(getpid())/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    static func createFolder(_ folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw EpistolaryError(.badUsage, file: folder, "cannot create the output folder (\(reason(error)))")
        }
    }

    static func writeStream(_ content: OutputContent, to stream: Stream, path: String) throws {
        switch stream {
        case .descriptor(let fd):
            try content.write(to: fd, path: path == "-" ? "standard output" : path, ownFile: false)
        case .special(let special):
            let fd = open(special, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard fd >= 0 else {
                throw EpistolaryError(.environment, file: special, "cannot open for writing (\(String(cString: strerror(errno))))")
            }
            defer { close(fd) }
            try content.write(to: fd, path: special, ownFile: false)
        }
    }

    /// Writes all of `data`; a short or failed write (ENOSPC, EPIPE, EIO) is an environment error.
    static func writeAll(_ data: Data, to fd: Int32, path: String) throws {
        try data.withUnsafeBytes { try writeAll($0, to: fd, path: path) }
    }

    static func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32, path: String) throws {
        guard var pointer = buffer.baseAddress else { return }
        var left = buffer.count
        while left > 0 {
            let n = Glibc.write(fd, pointer, min(left, 1 << 30))
            if n < 0 {
                if errno == EINTR { continue }
                throw EpistolaryError(.environment, file: path, "cannot write (\(String(cString: strerror(errno))))")
            }
            pointer += n
            left -= n
        }
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}

/// Messages to standard error that cannot trap: a failure to write them is ignored (there is
/// nowhere left to report it).
public enum StandardError {
    public static func write(_ text: String) {
        if let capture = OutputCapture.current { return capture.appendError(Data(text.utf8)) }
        try? OutputPath.writeAll(Data(text.utf8), to: STDERR_FILENO, path: "standard error")
    }
}

/// Writing to the process's standard output without `FileHandle` (whose `write` traps on a
/// closed pipe or a full device): a failure is an environment error with its reason.
public enum StandardOutput {
    public static func write(_ text: String) throws {
        try write(Data(text.utf8))
    }

    public static func write(_ data: Data) throws {
        if let capture = OutputCapture.current { return capture.appendOutput(data) }
        try OutputPath.writeAll(data, to: STDOUT_FILENO, path: "standard output")
    }
}
