internal import CCairo

/// Writes an opaque Cairo image surface (RGB24) as an 8-bit RGB PNG, several times faster
/// than `cairo_surface_write_to_png_stream` on figures: libpng (as Cairo calls it) tries five
/// filters on every row and zlib searches hard for matches, which on a 1,000 x 1,400 pixel
/// timeline costs ~100 ms, as much as drawing 50,000 marks. Here every row takes the "Up"
/// filter (a row like the one above becomes zeros), and the deflate stream is greedy LZ77 with
/// one hash probe per position and the fixed Huffman code: larger files than zlib's best
/// (a figure of flat paper and lines still shrinks ~10x), made in a few milliseconds.
/// Output depends only on the pixels: same figure, same bytes.
enum PNGEncoder {
    /// The PNG of `surface`, or nil when it is not an RGB24 image surface.
    static func encode(_ surface: OpaquePointer) -> [UInt8]? {
        guard cairo_surface_get_type(surface) == CAIRO_SURFACE_TYPE_IMAGE,
              cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24 else { return nil }
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        guard width > 0, height > 0, let base = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        let pixels = UnsafeRawPointer(base).bindMemory(to: UInt32.self, capacity: stride * height)
        let raw = scanlines(pixels, width: width, height: height, stride: stride)

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        append32(UInt32(width), to: &header)
        append32(UInt32(height), to: &header)
        header += [8, 2, 0, 0, 0]  // 8 bits per sample, RGB, deflate, adaptive filtering, no interlace
        chunk("IHDR", header, into: &png)
        chunk("IDAT", zlib(raw), into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    /// Filtered scanlines: a filter byte per row (0 for the first row, 2 "Up" for the others)
    /// then red, green, blue of each pixel minus the pixel above (modulo 256).
    private static func scanlines(_ pixels: UnsafePointer<UInt32>, width: Int, height: Int, stride: Int) -> [UInt8] {
        let rowBytes = 1 + 3 * width
        return [UInt8](unsafeUninitializedCapacity: rowBytes * height) { out, count in
            for y in 0..<height {
                var o = y * rowBytes
                out[o] = y == 0 ? 0 : 2
                o += 1
                let row = pixels + y * stride
                if y == 0 {
                    for x in 0..<width {
                        let p = row[x]
                        out[o] = UInt8(truncatingIfNeeded: p >> 16)
                        out[o + 1] = UInt8(truncatingIfNeeded: p >> 8)
                        out[o + 2] = UInt8(truncatingIfNeeded: p)
                        o += 3
                    }
                } else {
                    let above = row - stride
                    for x in 0..<width {
                        let p = row[x], q = above[x]
                        out[o] = UInt8(truncatingIfNeeded: p >> 16) &- UInt8(truncatingIfNeeded: q >> 16)
                        out[o + 1] = UInt8(truncatingIfNeeded: p >> 8) &- UInt8(truncatingIfNeeded: q >> 8)
                        out[o + 2] = UInt8(truncatingIfNeeded: p) &- UInt8(truncatingIfNeeded: q)
                        o += 3
                    }
                }
            }
            count = rowBytes * height
        }
    }

    // MARK: zlib stream (RFC 1950) with one fixed-Huffman deflate block (RFC 1951)

    private static let window = 32_768
    private static let maxMatch = 258
    private static let hashBits = 16

    /// `data` as a zlib stream.
    static func zlib(_ data: [UInt8]) -> [UInt8] {
        var bits = BitWriter(capacity: data.count / 4 + 64)
        bits.bytes += [0x78, 0x01]  // deflate, 32 KB window, fastest
        bits.write(0b011, count: 3)  // final block, fixed Huffman codes
        data.withUnsafeBufferPointer { d in
            let n = d.count
            var head = [Int32](repeating: -1, count: 1 << hashBits)
            var i = 0
            while i < n {
                var length = 0, distance = 0
                if i + 3 < n {
                    let h = hash(d, i)
                    let candidate = Int(head[h])
                    head[h] = Int32(i)
                    if candidate >= 0, i - candidate <= window {
                        let limit = min(maxMatch, n - i)
                        var l = 0
                        while l < limit && d[candidate + l] == d[i + l] { l += 1 }
                        if l >= 3 {
                            length = l
                            distance = i - candidate
                        }
                    }
                }
                if length == 0 {
                    bits.literal(d[i])
                    i += 1
                } else {
                    bits.match(length: length, distance: distance)
                    i += length
                    // The match's last position is remembered for the next ones (not every
                    // position inside it: long runs then cost one probe per 258 bytes).
                    if i - 1 + 3 < n { head[hash(d, i - 1)] = Int32(i - 1) }
                }
            }
        }
        bits.endOfBlock()
        bits.flush()
        append32(adler32(data), to: &bits.bytes)
        return bits.bytes
    }

    @inline(__always)
    private static func hash(_ d: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let v = UInt32(d[i]) | UInt32(d[i + 1]) << 8 | UInt32(d[i + 2]) << 16 | UInt32(d[i + 3]) << 24
        return Int((v &* 2_654_435_761) >> UInt32(32 - hashBits))
    }

    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        var i = 0
        data.withUnsafeBufferPointer { d in
            while i < d.count {
                // 5,552 bytes at most between reductions keep the sums within 32 bits.
                let end = min(i + 5_552, d.count)
                while i < end {
                    a &+= UInt32(d[i])
                    b &+= a
                    i += 1
                }
                a %= 65_521
                b %= 65_521
            }
        }
        return b << 16 | a
    }

    // MARK: Chunks

    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32<S: Sequence>(_ bytes: S, start: UInt32 = 0xFFFF_FFFF) -> UInt32 where S.Element == UInt8 {
        var c = start
        crcTable.withUnsafeBufferPointer { t in
            for b in bytes { c = t[Int((c ^ UInt32(b)) & 0xff)] ^ (c >> 8) }
        }
        return c
    }

    private static func chunk(_ type: String, _ data: [UInt8], into png: inout [UInt8]) {
        append32(UInt32(data.count), to: &png)
        let typeBytes = Array(type.utf8)
        png += typeBytes
        png += data
        let crc = crc32(data, start: crc32(typeBytes)) ^ 0xFFFF_FFFF
        append32(crc, to: &png)
    }

    private static func append32(_ v: UInt32, to out: inout [UInt8]) {
        out += [UInt8(v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)]
    }
}

/// Deflate's bit order: values least significant bit first, Huffman codes most significant
/// bit first (stored here already reversed).
private struct BitWriter {
    var bytes: [UInt8]
    private var buffer: UInt64 = 0
    private var used = 0

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func write(_ value: UInt32, count: Int) {
        buffer |= UInt64(value) << UInt64(used)
        used += count
        while used >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            used -= 8
        }
    }

    mutating func flush() {
        if used > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
        buffer = 0
        used = 0
    }

    @inline(__always)
    mutating func literal(_ b: UInt8) {
        let code = FixedHuffman.literal[Int(b)]
        write(code.bits, count: code.count)
    }

    mutating func endOfBlock() {
        let code = FixedHuffman.literal[256]
        write(code.bits, count: code.count)
    }

    @inline(__always)
    mutating func match(length: Int, distance: Int) {
        let l = FixedHuffman.length[length]
        write(l.bits, count: l.count)
        let d = FixedHuffman.distanceCode(distance)
        write(d.bits, count: d.count)
    }
}

/// The fixed Huffman code of deflate (RFC 1951, 3.2.6), with lengths' and distances' extra
/// bits folded in.
private enum FixedHuffman {
    typealias Code = (bits: UInt32, count: Int)

    /// Codes of literal/length symbols 0...287, bit-reversed for writing.
    static let literal: [Code] = (0..<288).map { s -> Code in
        switch s {
        case 0...143: return (reverse(UInt32(0x30 + s), 8), 8)
        case 144...255: return (reverse(UInt32(0x190 + s - 144), 9), 9)
        case 256...279: return (reverse(UInt32(s - 256), 7), 7)
        default: return (reverse(UInt32(0xC0 + s - 280), 8), 8)
        }
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                               2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// Code and extra bits of every match length 0...258 (entries below 3 unused).
    static let length: [Code] = (0...258).map { l -> Code in
        guard l >= 3 else { return (0, 0) }
        let i = lengthBase.lastIndex { $0 <= l } ?? 0
        let code = literal[257 + i]
        return (code.bits | UInt32(l - lengthBase[i]) << UInt32(code.count), code.count + lengthExtra[i])
    }

    /// Code and extra bits of a distance 1...32768.
    @inline(__always)
    static func distanceCode(_ d: Int) -> Code {
        var i: Int
        if d <= 4 {
            i = d - 1
        } else {
            // Two codes per power of two above 4: the bit below the highest one picks.
            let top = Int.bitWidth - 1 - (d - 1).leadingZeroBitCount
            i = 2 * top + ((d - 1) >> (top - 1) & 1)
        }
        return (reverse(UInt32(i), 5) | UInt32(d - distanceBase[i]) << 5, 5 + distanceExtra[i])
    }

    static func reverse(_ v: UInt32, _ count: Int) -> UInt32 {
        var r: UInt32 = 0
        for k in 0..<count where v & (1 << UInt32(k)) != 0 { r |= 1 << UInt32(count - 1 - k) }
        return r
    }
}
