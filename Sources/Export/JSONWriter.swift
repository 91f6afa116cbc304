import Correspondence

/// Writes JSON into a `ByteSink` as it goes, in the one layout of the JSON exports: two spaces
/// of indentation per level, each member or item on its own line, `"key": value`, empty
/// containers as `{}` and `[]`, strings by `JSONText`, no trailing newline. Writers open and
/// close containers and write keys and values in order; nothing is held but the nesting.
public struct JSONWriter {
    private let sink: ByteSink
    /// For each open container: whether it has a member yet.
    private var filled: [Bool] = []
    /// True right after a key: the value follows on the same line.
    private var afterKey = false
    /// Levels of indentation the document starts at.
    private let base: Int

    /// Writes into `sink`; `level` indents the whole document (a value nested in other text).
    public init(into sink: ByteSink, level: Int = 0) {
        self.sink = sink
        base = level
    }

    public mutating func beginObject() { beginContainer(0x7B) }
    public mutating func endObject() { endContainer(0x7D) }
    public mutating func beginArray() { beginContainer(0x5B) }
    public mutating func endArray() { endContainer(0x5D) }

    /// A member's key; its value is the next thing written.
    public mutating func key(_ key: String) {
        newEntry()
        JSONText.write(key, to: sink)
        sink.write(": " as StaticString)
        afterKey = true
    }

    public mutating func string(_ value: String) {
        startValue()
        JSONText.write(value, to: sink)
    }

    public mutating func int(_ value: Int) {
        startValue()
        sink.write(value)
    }

    public mutating func bool(_ value: Bool) {
        startValue()
        sink.write(value ? "true" : "false" as StaticString)
    }

    public mutating func null() {
        startValue()
        sink.write("null" as StaticString)
    }

    /// A number: integral values below 10^15 as `3.0`, others as Swift prints them, and a
    /// value that is not finite as `null`.
    public mutating func double(_ value: Double) {
        startValue()
        if !value.isFinite {
            sink.write("null" as StaticString)
        } else {
            ExportText.write(number: value, to: sink)
        }
    }

    /// A day as a string, `"YYYY-MM-DD"` as `Day.iso` writes it (nothing in it to escape).
    public mutating func string(iso day: Day) {
        startValue()
        sink.write(byte: 0x22)
        ExportText.write(iso: day, to: sink)
        sink.write(byte: 0x22)
    }

    /// A colour as the string `"#rrggbb"` (`ExportLayout.Color.hex`).
    public mutating func string(hex color: ExportLayout.Color) {
        startValue()
        sink.write(byte: 0x22)
        ExportText.write(hex: color, to: sink)
        sink.write(byte: 0x22)
    }

    /// `key` and a colour as `"#rrggbb"`.
    public mutating func member(_ key: String, hex color: ExportLayout.Color) {
        self.key(key)
        string(hex: color)
    }

    /// `key` and a string value.
    public mutating func member(_ key: String, _ value: String) {
        self.key(key)
        string(value)
    }

    /// `key` and an integer value.
    public mutating func member(_ key: String, int value: Int) {
        self.key(key)
        int(value)
    }

    /// `key` and a number.
    public mutating func member(_ key: String, double value: Double) {
        self.key(key)
        double(value)
    }

    /// `key` and a Boolean.
    public mutating func member(_ key: String, bool value: Bool) {
        self.key(key)
        bool(value)
    }

    private mutating func startValue() {
        if afterKey { afterKey = false; return }
        if !filled.isEmpty { newEntry() }
    }

    /// The separator and indentation before a member or item.
    private mutating func newEntry() {
        guard !filled.isEmpty else { return }
        sink.write(filled[filled.count - 1] ? ",\n" : "\n" as StaticString)
        filled[filled.count - 1] = true
        indent(filled.count)
    }

    private func indent(_ level: Int) {
        var left = base + level
        while left > 0 {
            let now = min(left, Self.spaces.utf8CodeUnitCount / 2)
            sink.write(bytes: UnsafeRawBufferPointer(start: Self.spaces.utf8Start, count: now * 2))
            left -= now
        }
    }

    /// Sixteen levels of indentation, written as one piece.
    private static let spaces: StaticString = "                                "

    private mutating func beginContainer(_ open: UInt8) {
        startValue()
        sink.write(byte: open)
        filled.append(false)
    }

    private mutating func endContainer(_ close: UInt8) {
        guard let hadMembers = filled.popLast() else { return }
        if hadMembers {
            sink.write(byte: 0x0A)
            indent(filled.count)
        }
        sink.write(byte: close)
    }
}
