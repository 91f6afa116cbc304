import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The temporary files and folders of this process's outputs, made so that nobody can plant
/// or predict them and removed when the process is interrupted.
///
/// Names are `.NAME.RANDOM.tmp` beside the target (twelve random characters from the system's
/// generator), opened `O_CREAT|O_EXCL|O_NOFOLLOW`: an existing file or a planted symlink is
/// never followed or reused. Each is registered until it is renamed into place or removed;
/// `removeOnSignals()` makes SIGINT, SIGTERM and SIGHUP remove whatever is registered before
/// the process exits with 128 + the signal. Creation, renaming and that clean-up take one
/// lock, so an interrupted run leaves either the old files or the new ones, and no temporary.
public enum TemporaryFiles {
    /// An NSLock, not a `Mutex`: the signal clean-up keeps it held through `_exit`, so that
    /// nothing is created or renamed after the clean-up, which `Mutex.withLock` cannot express.
    private static let lock = NSLock()
    nonisolated(unsafe) private static var live: Set<String> = []
    nonisolated(unsafe) private static var signalSources: [DispatchSourceSignal] = []

    /// A fresh temporary file beside `target`, filled by `fill(fd, path)`; returns its path.
    /// The file is registered (removed on a signal) until `renameAll` or `remove`.
    static func create(nextTo target: String, fill: (Int32, String) throws -> Void) throws -> String {
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        for _ in 0..<100 {
            let path = (folder.isEmpty ? "" : folder + "/") + "." + name.prefix(100) + "." + randomSuffix() + ".tmp"
            lock.lock()
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            let failure = errno
            if fd >= 0 { live.insert(path) }
            lock.unlock()
            if fd < 0 {
                if failure == EEXIST { continue }
                throw EpistolaryError(.badUsage, file: target, "cannot create a file in its folder (\(String(cString: strerror(failure))))")
            }
            do {
                try fill(fd, path)
                if close(fd) != 0 {
                    throw EpistolaryError(.environment, file: target, "cannot write (\(String(cString: strerror(errno))))")
                }
            } catch {
                remove(path)
                throw error
            }
            return path
        }
        throw EpistolaryError(.environment, file: target, "cannot find a free temporary name in its folder")
    }

    /// A fresh, private (0700 until filled) folder beside `target`, registered like a file.
    public static func createFolder(nextTo target: String) throws -> String {
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        for _ in 0..<100 {
            let path = (folder.isEmpty ? "" : folder + "/") + "." + name.prefix(100) + "." + randomSuffix() + ".new"
            lock.lock()
            let made = mkdir(path, 0o755)
            let failure = errno
            if made == 0 { live.insert(path) }
            lock.unlock()
            if made == 0 { return path }
            if failure != EEXIST {
                throw EpistolaryError(.badUsage, file: target, "cannot create a folder beside it (\(String(cString: strerror(failure))))")
            }
        }
        throw EpistolaryError(.environment, file: target, "cannot find a free temporary name beside it")
    }

    /// Removes a registered file or folder (a folder with its contents) and forgets it.
    public static func remove(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        removeLocked(path)
    }

    private static func removeLocked(_ path: String) {
        live.remove(path)
        if unlink(path) != 0 { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Renames each temporary over its target, all or nothing: each existing target is first
    /// hard-linked to a backup name, and if a rename fails the targets already replaced get
    /// their old file back (or are removed when there was none).
    static func renameAll(_ staged: [(target: String, temporary: String)]) throws {
        lock.lock()
        defer { lock.unlock() }
        var backups: [String: String] = [:]
        var done: [String] = []
        func rollBack() {
            for target in done.reversed() {
                if let backup = backups[target] { rename(backup, target) } else { unlink(target) }
            }
            for item in staged { removeLocked(item.temporary) }
            for backup in backups.values { removeLocked(backup) }
        }
        for item in staged {
            var existing = stat()
            if stat(item.target, &existing) == 0 {
                let backup = item.temporary + ".old"
                if link(item.target, backup) == 0 {
                    live.insert(backup)
                    backups[item.target] = backup
                }
            }
            if rename(item.temporary, item.target) != 0 {
                let failure = errno
                rollBack()
                throw EpistolaryError(.environment, file: item.target, "cannot move the finished file into place (\(String(cString: strerror(failure))))")
            }
            live.remove(item.temporary)
            done.append(item.target)
        }
        for backup in backups.values { removeLocked(backup) }
    }

    /// Puts the registered folder `staging` in the place of `target`: one atomic exchange
    /// (`renameat2(RENAME_EXCHANGE)`) when `target` exists, one rename when it does not; the
    /// old content is then removed. Where the exchange is not supported, the old folder is
    /// moved aside first (two renames, each atomic).
    public static func swapFolder(_ staging: String, into target: String) throws {
        lock.lock()
        defer { lock.unlock() }
        var existing = stat()
        if lstat(target, &existing) != 0 {
            guard rename(staging, target) == 0 else {
                throw EpistolaryError(.environment, file: target, "cannot move the new folder into place (\(String(cString: strerror(errno))))")
            }
            live.remove(staging)
            return
        }
        if exchange(staging, target) {
            removeLocked(staging)   // now holds the old content
            return
        }
        let aside = staging + ".old"
        guard rename(target, aside) == 0 else {
            throw EpistolaryError(.environment, file: target, "cannot move the old folder aside (\(String(cString: strerror(errno))))")
        }
        live.insert(aside)
        guard rename(staging, target) == 0 else {
            let failure = errno
            rename(aside, target)
            live.remove(aside)
            throw EpistolaryError(.environment, file: target, "cannot move the new folder into place (\(String(cString: strerror(failure))))")
        }
        live.remove(staging)
        removeLocked(aside)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// `renameat2(..., RENAME_EXCHANGE)`, looked up at run time (glibc declares it only
    /// under _GNU_SOURCE); false when missing or refused by the file system.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }

    /// Installs the clean-up on SIGINT, SIGTERM and SIGHUP (once; the command-line tool calls it).
    public static func removeOnSignals() {
        lock.lock()
        defer { lock.unlock() }
        guard signalSources.isEmpty else { return }
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                lock.lock()
                for path in live { removeWhileWritten(path) }
                live.removeAll()
                // The lock stays held: nothing more is created or renamed before the exit.
                _exit(128 + number)
            }
            source.resume()
            signalSources.append(source)
        }
    }

    /// Removes `path` on a signal, while other threads may still be writing into it: a folder
    /// is first renamed to a fresh name, so that no new file can be created in it by its old
    /// path, then removed, again until nothing is left (a file opened just before the rename
    /// can still appear in it).
    private static func removeWhileWritten(_ path: String) {
        if unlink(path) == 0 { return }
        let dying = path + ".\(randomSuffix()).gone"
        let target = rename(path, dying) == 0 ? dying : path
        for _ in 0..<100 {
            try? FileManager.default.removeItem(atPath: target)
            var info = stat()
            if lstat(target, &info) != 0 { return }
        }
    }

    /// The paths registered now (for tests).
    static var registered: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return live
    }

    private static func randomSuffix() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}

/// The files this run reads, so that no output replaces one of them: readers note each file
/// they open (`note`), and `AtomicFile` refuses a target that is the same file (same device
/// and inode, whatever the path: a symlink or a hard link is caught too).
public enum InputFiles {
    private static let files = Mutex<[(device: UInt64, inode: UInt64, path: String)]>([])

    /// Notes `path` as an input of this run; a path that cannot be stat'ed is ignored (reading
    /// it will fail with its own error).
    public static func note(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        files.withLock { files in
            if !files.contains(where: { $0.device == UInt64(info.st_dev) && $0.inode == UInt64(info.st_ino) }) {
                files.append((UInt64(info.st_dev), UInt64(info.st_ino), path))
            }
        }
    }

    /// Forgets every noted input (for tests running several commands in one process).
    public static func reset() {
        files.withLock { $0.removeAll() }
    }

    /// The first noted input that lies inside `folder` (after resolving symlinks), if any.
    public static func inside(folder: String) -> String? {
        let root = URL(fileURLWithPath: folder).resolvingSymlinksInPath().standardized.path
        let paths = files.withLock { $0.map(\.path) }
        return paths.first { URL(fileURLWithPath: $0).resolvingSymlinksInPath().standardized.path.hasPrefix(root + "/") }
    }

    static func refuseIfInput(_ path: String, device: UInt64, inode: UInt64) throws {
        let input = files.withLock { files in files.first { $0.device == device && $0.inode == inode } }
        if let input {
            throw EpistolaryError(.badUsage, file: path, "is an input of this run (\(input.path)); choose another output")
        }
    }
}
