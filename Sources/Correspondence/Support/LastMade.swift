import Synchronization

/// The value last made from a key, kept for the process: a reader called again and again with
/// the same person table (the fuzzer, a library caller reading many small files, the gallery
/// of many corpora) builds its matching indexes once instead of at every call, where they
/// were most of the time of reading a small text.
///
/// Only the last key is kept, so memory stays that of one table. Keys are compared with `==`;
/// an array compares its storage's identity first, so a table passed unchanged costs O(1).
final class LastMade<Key: Equatable & Sendable, Value: Sendable>: Sendable {
    private let last = Mutex<(key: Key, value: Value)?>(nil)

    init() {}

    /// The value for `key`: the kept one when `key` equals the last key, else `make(key)`
    /// (made outside the lock, then kept).
    func value(for key: Key, make: (Key) -> Value) -> Value {
        if let kept = last.withLock({ $0 }), kept.key == key { return kept.value }
        let made = make(key)
        last.withLock { $0 = (key, made) }
        return made
    }
}
