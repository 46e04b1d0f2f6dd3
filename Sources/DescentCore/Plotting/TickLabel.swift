import Foundation

/// Tick labels as short as their spacing allows: `0.25`, `100`, `2e-5`, `1e6`.
enum TickLabel {
    /// A linear tick's value with as many decimals as the step between ticks needs, in
    /// scientific notation when it would be very long.
    static func linear(_ value: Double, step: Double) -> String {
        if abs(value) < step * 1e-9 { return "0" }
        let largest = max(abs(value), step)
        if largest >= 1e6 || step < 1e-4 {
            let digits = Int(min(6, max(0, log10(largest).rounded(.down) - log10(step).rounded(.down))))
            return scientific(value, digits: digits)
        }
        let decimals = Int(max(0, -(log10(step) + 1e-9).rounded(.down)))
        return String(format: "%.\(decimals)f", value)
    }

    /// A log tick, `mantissa × 10^exponent`: plain from 0.0001 to 100000, else `2e-6`.
    static func power(mantissa: Double, exponent: Double) -> String {
        let value = mantissa * pow(10, exponent)
        if exponent >= -4, exponent <= 5 {
            return String(format: "%.\(Int(max(0, -exponent)))f", value)
        }
        return scientific(value, digits: 0)
    }

    /// `1.5e-5` rather than C's `1.5e-05`.
    static func scientific(_ value: Double, digits: Int) -> String {
        let text = String(format: "%.\(digits)e", value)
        guard let marker = text.firstIndex(of: "e") else { return text }
        let mantissa = text[..<marker]
        var exponent = text[text.index(after: marker)...]
        let sign = exponent.first == "-" ? "-" : ""
        exponent = exponent.drop { $0 == "+" || $0 == "-" }
        let digitsOnly = exponent.drop { $0 == "0" }
        return "\(mantissa)e\(sign)\(digitsOnly.isEmpty ? "0" : digitsOnly)"
    }
}

extension TickLabel {
    /// A value with up to `digits` significant digits, for contour levels: `0.017`, `2.5`, `1.2e-5`.
    static func significant(_ value: Double, digits: Int = 2) -> String {
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e6 || magnitude < 1e-4 { return scientific(value, digits: max(0, digits - 1)) }
        let decimals = max(0, digits - 1 - Int(log10(magnitude).rounded(.down)))
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
