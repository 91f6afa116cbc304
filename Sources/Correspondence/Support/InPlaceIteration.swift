extension Array {
    /// Calls `body` with each element, in order, from the array's storage.
    ///
    /// Measured (issue 13): this does not save copies. Around any call the compiler cannot see
    /// into (a function of another module, a hash of a string), it copies the whole element it
    /// handed the closure, every field retained and released. A `for` loop, or a loop by position
    /// (`messages[i].field`), reads only the fields used. Prefer those in passes over every
    /// message; this stays for the callers not yet moved.
    /// - Complexity: O(n) calls of `body`.
    @inlinable
    public func forEachInPlace(_ body: (Element) throws -> Void) rethrows {
        try withUnsafeBufferPointer { elements in
            for index in elements.indices { try body(elements[index]) }
        }
    }
}
