import Foundation

/// Empties AddressSanitizer's quarantine after every input when `FUZZ_PURGE_EACH` is set.
///
/// Code that AddressSanitizer does not instrument (Graphviz, pango, fontconfig, cairo) can write
/// into a block it has freed; the sanitizer sees that only when the block leaves its quarantine,
/// which by default holds 256 MB of freed blocks: thousands of inputs later, or in libFuzzer's
/// allocator purge between inputs, where no input can be named. Purging after each input checks
/// every block freed by that input before the next one runs, so the crash is reported on the
/// input that wrote (or on the one after it, for a write into a block an earlier input freed).
/// Slow: for hunting such a finding, not for campaigns.
public enum FuzzAllocatorCheck {
    private typealias Purge = @convention(c) () -> Void

    /// The sanitizer's purge, when the environment asks for it and the sanitizer is linked.
    private static let purge: Purge? = {
        guard getenv("FUZZ_PURGE_EACH") != nil,
              let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__sanitizer_purge_allocator") else { return nil }
        return unsafeBitCast(symbol, to: Purge.self)
    }()

    /// Call after each input.
    public static func afterInput() { purge?() }
}
