import Foundation

/// The page size of a PDF, read from its first `/MediaBox [ x0 y0 x1 y1 ]`.
struct PDFMediaBox {
    var width: Double
    var height: Double

    init?(in pdf: Data) {
        // Cairo writes the page dictionary uncompressed; the prefix holds it.
        let text = String(decoding: pdf.prefix(1 << 20), as: UTF8.self)
        guard let key = text.range(of: "/MediaBox") else { return nil }
        let rest = text[key.upperBound...]
        guard let open = rest.firstIndex(of: "["), let close = rest.firstIndex(of: "]"), open < close else { return nil }
        let numbers = rest[rest.index(after: open)..<close].split(separator: " ").compactMap { Double($0) }
        guard numbers.count == 4 else { return nil }
        width = numbers[2] - numbers[0]
        height = numbers[3] - numbers[1]
        guard width > 0, height > 0 else { return nil }
    }
}
