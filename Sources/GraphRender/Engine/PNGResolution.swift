internal import CGraphviz
import Foundation

/// Writes a PNG's resolution into the file as a pHYs chunk (pixels per metre), right after
/// the header: Graphviz's cairo PNG has none, and without it word processors and upload
/// checkers take every figure for 72 dpi.
enum PNGResolution {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// `png` with a pHYs chunk for `dpi` (an existing one is replaced).
    static func stamp(_ png: Data, dpi: Double) throws -> Data {
        let bytes = [UInt8](png)
        guard bytes.count > 33, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            throw GraphvizError(.render, messages: ["Graphviz's PNG does not start with a PNG header"])
        }
        var out = Array(bytes[0..<33])  // signature + IHDR (4 length, 4 type, 13 data, 4 crc)
        out += chunk("pHYs", data: be32(UInt32((dpi / 0.0254).rounded())) + be32(UInt32((dpi / 0.0254).rounded())) + [1])
        var offset = 33
        while offset + 8 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let end = offset + 12 + length
            guard end <= bytes.count else { break }
            if Array(bytes[offset + 4..<offset + 8]) != Array("pHYs".utf8) { out += bytes[offset..<end] }
            offset = end
        }
        return Data(out)
    }

    /// The resolution a PNG's pHYs chunk gives, in dots per inch; nil without one.
    static func dpi(of png: Data) -> Double? {
        let bytes = [UInt8](png)
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            if Array(bytes[offset + 4..<offset + 8]) == Array("pHYs".utf8), length == 9, offset + 17 <= bytes.count, bytes[offset + 16] == 1 {
                let perMetre = UInt32(bytes[offset + 8]) << 24 | UInt32(bytes[offset + 9]) << 16 | UInt32(bytes[offset + 10]) << 8 | UInt32(bytes[offset + 11])
                return Double(perMetre) * 0.0254
            }
            offset += 12 + length
        }
        return nil
    }

    /// Pixel width and height from the header.
    static func pixelSize(of png: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](png)
        guard bytes.count > 24 else { return nil }
        func read(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
        return (read(16), read(20))
    }

    private static func chunk(_ type: String, data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        let crc = body.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        return be32(UInt32(data.count)) + body + be32(crc)
    }

    private static func be32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
