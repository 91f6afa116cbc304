import Correspondence

/// Values of the exports written straight into a `ByteSink`, byte for byte as their String
/// forms (`Day.iso`, `ExportValue.text`, `ExportLayout.Color.hex`) give them, without making
/// those Strings. Why: the graph exports of 500,000 messages write tens of millions of dates,
/// numbers and colours, and a String per value (built by interpolation, then copied into the
/// sink) was most of their time.
enum ExportText {
    /// `day.iso`: `YYYY-MM-DD`, the year padded to four digits, `-` before year 0.
    @inline(__always)
    static func write(iso day: Day, to sink: ByteSink) {
        let civil = day.civil   // worked out once for the three parts
        write(year: civil.year, month: civil.month, to: sink)
        sink.write(byte: 0x2D)
        writeTwoDigits(civil.day, to: sink)
    }

    /// `day.isoMonth`: `YYYY-MM`.
    @inline(__always)
    static func write(isoMonth day: Day, to sink: ByteSink) {
        let civil = day.civil
        write(year: civil.year, month: civil.month, to: sink)
    }

    @inline(__always)
    private static func write(year: Int, month: Int, to sink: ByteSink) {
        if year < 0 { sink.write(byte: 0x2D) }
        writeYear(abs(year), to: sink)
        sink.write(byte: 0x2D)
        writeTwoDigits(month, to: sink)
    }

    /// A year's magnitude, at least four digits.
    @inline(__always)
    private static func writeYear(_ magnitude: Int, to sink: ByteSink) {
        if magnitude < 10_000 {
            sink.write(byte: 0x30 + UInt8(magnitude / 1000))
            sink.write(byte: 0x30 + UInt8(magnitude / 100 % 10))
            sink.write(byte: 0x30 + UInt8(magnitude / 10 % 10))
            sink.write(byte: 0x30 + UInt8(magnitude % 10))
        } else {
            sink.write(magnitude)
        }
    }

    @inline(__always)
    private static func writeTwoDigits(_ value: Int, to sink: ByteSink) {
        sink.write(byte: 0x30 + UInt8(value / 10))
        sink.write(byte: 0x30 + UInt8(value % 10))
    }

    /// `ExportValue.double(value).text`: integral values below 10^15 as `3.0`, others as Swift
    /// prints them.
    static func write(number value: Double, to sink: ByteSink) {
        if value == value.rounded() && abs(value) < 1e15 {
            sink.write(Int(value))
            sink.write(".0" as StaticString)
        } else {
            sink.write("\(value)")
        }
    }

    /// `color.hex`: `#rrggbb`, lower case.
    static func write(hex color: ExportLayout.Color, to sink: ByteSink) {
        sink.write(byte: 0x23)
        writeHexByte(color.red, to: sink)
        writeHexByte(color.green, to: sink)
        writeHexByte(color.blue, to: sink)
    }

    @inline(__always)
    private static func writeHexByte(_ component: Int, to sink: ByteSink) {
        sink.write(byte: hexDigit(component >> 4))
        sink.write(byte: hexDigit(component & 0xF))
    }

    @inline(__always)
    private static func hexDigit(_ value: Int) -> UInt8 {
        value < 10 ? 0x30 + UInt8(value) : 0x61 + UInt8(value - 10)
    }

    /// `value.text` as XML element content (`attribute: false`) or attribute value: strings
    /// escaped by `XMLText`, the rest written as they are (digits, `.`, `-`, `true`...: nothing
    /// to escape).
    static func writeXML(_ value: ExportValue, attribute: Bool, to sink: ByteSink) {
        switch value {
        case .int(let i): sink.write(i)
        case .double(let d): write(number: d, to: sink)
        case .bool(let b): sink.write(b ? "true" : "false" as StaticString)
        case .string(let s): attribute ? XMLText.writeAttribute(s, to: sink) : XMLText.writeContent(s, to: sink)
        case .date(let d): write(iso: d, to: sink)
        }
    }
}
