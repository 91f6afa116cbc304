import Correspondence

/// Values of the exports written straight into a `ByteSink`, byte for byte as their String
/// forms (`Day.iso`, `ExportValue.text`, `ExportLayout.Color.hex`) give them, without making
/// those Strings. Why: the graph exports of 500,000 messages write tens of millions of dates,
/// numbers and colours, and a String per value (built by interpolation, then copied into the
/// sink) was most of their time.
enum ExportText {
    /// `day.iso`: `YYYY-MM-DD`, the year padded to four digits, `-` before year 0.
    /// A year of four digits (nearly every date) is set in ten bytes on the stack and written
    /// at once, not byte by byte: the graph exports write tens of millions of dates.
    @inline(__always)
    static func write(iso day: Day, to sink: ByteSink) {
        let civil = day.civil   // worked out once for the three parts
        guard civil.year >= 0, civil.year < 10_000 else {
            write(year: civil.year, month: civil.month, to: sink)
            sink.write(byte: 0x2D)
            writeTwoDigits(civil.day, to: sink)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { bytes in
            setISO(civil, into: bytes)
            sink.write(bytes: UnsafeRawBufferPointer(bytes))
        }
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
        } else if !writeHundredths(value, to: sink) {
            sink.write("\(value)")
        }
    }

    /// Writes `value` as Swift prints it when it is a whole number of hundredths (a layout's
    /// coordinates, `ExportLayout.number`) between 0.01 and 10^12, without making its String:
    /// the double nearest to k/100 prints as k/100's decimals with trailing zeros dropped (no
    /// shorter decimal lies within half a unit of it below 10^12). False, writing nothing,
    /// for any other value.
    /// - Complexity: O(1).
    @inline(__always)
    static func writeHundredths(_ value: Double, to sink: ByteSink) -> Bool {
        let magnitude = abs(value)
        guard magnitude >= 0.01 && magnitude < 1e12 else { return false }
        let scaled = (magnitude * 100).rounded()
        guard scaled / 100 == magnitude else { return false }
        let hundredths = Int(scaled)
        if value < 0 { sink.write(byte: 0x2D) }
        sink.write(hundredths / 100)
        sink.write(byte: 0x2E)
        let fraction = hundredths % 100
        sink.write(byte: 0x30 + UInt8(fraction / 10))
        if fraction % 10 != 0 { sink.write(byte: 0x30 + UInt8(fraction % 10)) }
        return true
    }

    /// `day.iso` appended to `text` (a label), as `write(iso:to:)` writes it: four-digit years
    /// without making a String beyond the label's own, others by `Day.iso`.
    static func append(iso day: Day, to text: inout String) {
        let civil = day.civil
        guard civil.year >= 0 && civil.year < 10_000 else { text += day.iso; return }
        text += isoPrefix(civil, count: 10)
    }

    /// `day.isoMonth` appended to `text` (`append(iso:to:)`).
    static func append(isoMonth day: Day, to text: inout String) {
        let civil = day.civil
        guard civil.year >= 0 && civil.year < 10_000 else { text += day.isoMonth; return }
        text += isoPrefix(civil, count: 7)
    }

    /// `day.isoYear` appended to `text` (`append(iso:to:)`).
    static func append(isoYear day: Day, to text: inout String) {
        let civil = day.civil
        guard civil.year >= 0 && civil.year < 10_000 else { text += day.isoYear; return }
        text += isoPrefix(civil, count: 4)
    }

    /// The first `count` bytes of `YYYY-MM-DD` for a year of four digits (a small String, held
    /// inline: no allocation).
    private static func isoPrefix(_ civil: (year: Int, month: Int, day: Int), count: Int) -> String {
        String(unsafeUninitializedCapacity: 10) { bytes in
            setISO(civil, into: bytes)
            return count
        }
    }

    /// `YYYY-MM-DD` of a year of four digits, set into the first ten bytes of `bytes`: the one
    /// place the digits of a date are set, for the sinks and the Strings alike.
    @inline(__always)
    private static func setISO(_ civil: (year: Int, month: Int, day: Int), into bytes: UnsafeMutableBufferPointer<UInt8>) {
        let year = civil.year
        bytes[0] = 0x30 + UInt8(year / 1000)
        bytes[1] = 0x30 + UInt8(year / 100 % 10)
        bytes[2] = 0x30 + UInt8(year / 10 % 10)
        bytes[3] = 0x30 + UInt8(year % 10)
        bytes[4] = 0x2D
        bytes[5] = 0x30 + UInt8(civil.month / 10)
        bytes[6] = 0x30 + UInt8(civil.month % 10)
        bytes[7] = 0x2D
        bytes[8] = 0x30 + UInt8(civil.day / 10)
        bytes[9] = 0x30 + UInt8(civil.day % 10)
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
