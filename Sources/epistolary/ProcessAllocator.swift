#if canImport(Glibc)
import Glibc
#endif

/// Which allocator serves this process's `malloc`, for `doctor` and the tests. Why: on Linux
/// the tool is linked with jemalloc (Package.swift, DESIGN.md "jemalloc for the command-line
/// tool", with its measurements); a build that lost the link would still run, only slower,
/// and nothing else would say so.
enum ProcessAllocator {
    /// "jemalloc 5.3.0-0-g…" when `malloc` is jemalloc's; nil when it is the C library's (or
    /// anything else), and off Linux.
    static var jemallocVersion: String? {
        #if canImport(Glibc)
        // jemalloc serves `malloc` when it is loaded and the `malloc` the dynamic linker bound
        // for this process is its own (a library loaded after the C library would not be).
        guard let jemalloc = dlopen("libjemalloc.so.2", RTLD_LAZY | RTLD_NOLOAD) else { return nil }
        defer { dlclose(jemalloc) }
        guard let bound = dlsym(nil, "malloc"), bound == dlsym(jemalloc, "malloc") else { return nil }
        // jemalloc's own control interface, looked up by name: no header of it is needed.
        typealias MallocControl = @convention(c) (UnsafePointer<CChar>?, UnsafeMutableRawPointer?,
                                                  UnsafeMutablePointer<Int>?, UnsafeMutableRawPointer?, Int) -> Int32
        guard let symbol = dlsym(jemalloc, "mallctl") else { return "jemalloc" }
        let mallctl = unsafeBitCast(symbol, to: MallocControl.self)
        var version: UnsafePointer<CChar>? = nil
        var size = MemoryLayout<UnsafePointer<CChar>?>.size
        guard mallctl("version", &version, &size, nil, 0) == 0, let version else { return "jemalloc" }
        return "jemalloc " + String(cString: version)
        #else
        return nil
        #endif
    }

    /// How `doctor` names it.
    static var description: String {
        jemallocVersion ?? "not jemalloc (the C library's malloc, or one preloaded): the figures of a large corpus take longer"
    }
}
