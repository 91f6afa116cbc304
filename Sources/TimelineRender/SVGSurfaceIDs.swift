import Foundation

/// Cairo names the SVG groups of its surfaces `surfaceN` with a process-wide counter, so the
/// second figure drawn in one process gets other ids than the first. This renumbers them per
/// document, in order of first appearance, so the same figure gives the same bytes every time.
enum SVGSurfaceIDs {
    static func renumber(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        let word = Array("surface".utf8)
        var mapping: [ArraySlice<UInt8>: Int] = [:]
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            // An id or a reference to one: preceded by `"` or `#`, then "surface" and digits.
            if bytes[i] == UInt8(ascii: "s"), i > 0, bytes[i - 1] == UInt8(ascii: "\"") || bytes[i - 1] == UInt8(ascii: "#"),
               i + word.count < bytes.count, Array(bytes[i..<(i + word.count)]) == word {
                var j = i + word.count
                while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 { j += 1 }
                if j > i + word.count {
                    let digits = bytes[(i + word.count)..<j]
                    let n = mapping[digits] ?? mapping.count + 1
                    mapping[digits] = n
                    out += word
                    out += Array(String(n).utf8)
                    i = j
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return Data(out)
    }
}
