/// TOML integer and float syntax: decimal with `_` between digits, `0x`/`0o`/`0b` integers,
/// exponents, `inf` and `nan`. Leading zeros and misplaced underscores are rejected.
enum TOMLNumber: Equatable {
    case integer(Int)
    case float(Double)
    case outOfRange

    /// The number `token` spells, or nil when it is not valid TOML number syntax.
    static func parse(_ token: String) -> TOMLNumber? {
        var body = Substring(token)
        var sign = ""
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? "-" : ""
            body = body.dropFirst()
        }
        switch body {
        case "inf": return .float(sign == "-" ? -.infinity : .infinity)
        case "nan": return .float(.nan)
        default: break
        }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where body.hasPrefix(prefix) {
            guard sign.isEmpty && token.first != "+" else { return nil }
            let digits = body.dropFirst(2)
            guard let clean = digitsWithoutUnderscores(digits, isDigit: { $0.isHexDigit && Int(String($0), radix: radix) != nil }) else { return nil }
            guard let value = Int(clean, radix: radix) else { return .outOfRange }
            return .integer(value)
        }
        // Decimal: integer part, optional fraction, optional exponent.
        let chars = Array(body)
        var i = 0
        func run() -> String? {
            let start = i
            while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "_" { i += 1 }
            return digitsWithoutUnderscores(chars[start..<i], isDigit: { $0.isASCII && $0.isNumber })
        }
        guard let integerPart = run() else { return nil }
        if integerPart.count > 1 && integerPart.first == "0" { return nil }
        var isFloat = false
        var text = sign + integerPart
        if i < chars.count, chars[i] == "." {
            i += 1
            guard let fraction = run() else { return nil }
            text += "." + fraction
            isFloat = true
        }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            i += 1
            var expSign = ""
            if i < chars.count, chars[i] == "+" || chars[i] == "-" { expSign = String(chars[i]); i += 1 }
            guard let exponent = run() else { return nil }
            text += "e" + expSign + exponent
            isFloat = true
        }
        guard i == chars.count else { return nil }
        if isFloat {
            guard let x = Double(text), x.isFinite else { return nil }
            return .float(x)
        }
        guard let n = Int(text) else { return .outOfRange }
        return .integer(n)
    }

    /// The digits with underscores removed, or nil when empty or an underscore is not between digits.
    private static func digitsWithoutUnderscores<S: Collection>(_ s: S, isDigit: (Character) -> Bool) -> String? where S.Element == Character {
        var out = ""
        var previousWasDigit = false
        for c in s {
            if c == "_" {
                guard previousWasDigit else { return nil }
                previousWasDigit = false
            } else {
                guard isDigit(c) else { return nil }
                out.append(c)
                previousWasDigit = true
            }
        }
        return previousWasDigit ? out : nil
    }
}
