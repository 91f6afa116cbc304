#if canImport(Glibc)
import Glibc
#endif

/// How the process's memory allocator is set up before any work. Why: glibc gives each thread
/// that allocates at the same time as another an arena of its own, and what one arena frees
/// the others cannot reuse. The analysis and the gallery allocate on all cores, so a large
/// corpus held some 20% more resident memory than it used (a 50,000-message corpus's `report`:
/// 272 MB in several arenas, 226 MB in one, at the same CPU time).
enum AllocatorSettings {
    /// One arena for the whole process (glibc's `M_ARENA_MAX`, -8). `mallopt` is looked up
    /// by name, as the C library module does not export `<malloc.h>`; elsewhere this does nothing.
    static func useOneArena() {
        #if canImport(Glibc)
        typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallocOption.self)
        _ = mallopt(-8, 1)
        #endif
    }
}
