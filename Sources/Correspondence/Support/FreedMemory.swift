#if canImport(Glibc)
import Glibc
#endif

/// Hands memory the allocator holds free back to the system. Why: a large read frees millions
/// of small blocks (each line of the text, each entry's parts) spread over the heap between the
/// messages it keeps; glibc returns only the top of the heap by itself, so the freed pages in
/// between stayed resident through the analysis and the figures that follow.
public enum FreedMemory {
    /// Passes over at least this many messages give the memory they freed back to the system.
    public static let largeRun = 20_000

    /// glibc's `malloc_trim(0)` (looked up by name, as the C library module does not export
    /// `<malloc.h>`); elsewhere nothing.
    /// - Complexity: O(free blocks of the heap).
    public static func release() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
