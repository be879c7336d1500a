/// Numbers as data files write them: an optional sign, digits with at most one decimal point, an
/// optional exponent, and nothing else. Swift's `Double(_:)` also takes hex floats (`0x1p6`),
/// `inf` and `nan`, which no station or census file means; those are refused here, as is a value
/// that overflows to infinity (`1e308` × 10).
enum DecimalText {
    static func parse(_ text: String) -> Double? {
        var digits = 0, points = 0, exponent = false, exponentDigits = 0, signAllowed = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if exponent { exponentDigits += 1 } else { digits += 1 }
                signAllowed = false
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard signAllowed else { return nil }
                signAllowed = false
            case UInt8(ascii: "."):
                guard !exponent, points == 0 else { return nil }
                points += 1
                signAllowed = false
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard !exponent, digits > 0 else { return nil }
                exponent = true
                signAllowed = true
            default:
                return nil
            }
        }
        guard digits > 0, !exponent || exponentDigits > 0, let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
