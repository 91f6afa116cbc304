/// The scalar at a lead byte of valid UTF-8 (a Swift string's bytes): the one decoding of the
/// byte loops that classify the scalars they pass (the sinks' escaping, TimelineJS excerpts),
/// which copy the bytes themselves and decode a scalar only to look at it.
public enum UTF8Scalar {
    /// The value and byte length of the scalar whose lead byte, `bytes[i]`, is 0x80 or above.
    /// The bytes must be valid UTF-8: the lead byte alone gives the length.
    @inlinable @inline(__always)
    public static func decode(_ bytes: UnsafePointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[i]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (value, length)
    }
}
