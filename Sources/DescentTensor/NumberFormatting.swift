import Foundation

extension TensorFormatter {
    /// One number as values print: `3`, `-0.31`, `0.400157`, `1e-05`, `1.5e+20`, `nan`, `-inf`.
    ///
    /// Whole numbers below 1e16 print without a decimal point; numbers below 1e-4 or from
    /// 1e16 print in scientific notation like Python's `repr`, with at most
    /// `maxDecimals + 1` significant digits; the rest print with at most `maxDecimals`
    /// decimals. Trailing zeros are always trimmed.
    public func format(number x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        let magnitude = abs(x)
        if x == x.rounded(), magnitude < 1e16 { return String(Int(x)) }
        let decimals = max(0, maxDecimals)
        if magnitude < 1e-4 || magnitude >= 1e16 {
            let text = String(format: "%.\(decimals)e", x)
            guard let exponentStart = text.firstIndex(of: "e") else { return text }
            return Self.trimmingFraction(String(text[..<exponentStart])) + text[exponentStart...]
        }
        let fixed = Self.trimmingFraction(String(format: "%.\(decimals)f", x))
        return fixed == "-0" ? "0" : fixed
    }

    /// `"2.500"` → `"2.5"`, `"3.000"` → `"3"`; text without a point is unchanged.
    private static func trimmingFraction(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.last == "0" { trimmed.removeLast() }
        if trimmed.last == "." { trimmed.removeLast() }
        return String(trimmed)
    }
}
