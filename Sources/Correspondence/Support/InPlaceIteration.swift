extension Array {
    /// Calls `body` with each element borrowed from the array's storage, in order, never
    /// copied. `for m in messages` copies each message (a retain and a release of each of its
    /// strings and arrays), which was the largest single cost of the passes the gallery's
    /// exports make over 500,000 messages.
    /// - Complexity: O(n) calls of `body`.
    @inlinable
    public func forEachInPlace(_ body: (Element) throws -> Void) rethrows {
        try withUnsafeBufferPointer { elements in
            for index in elements.indices { try body(elements[index]) }
        }
    }
}
