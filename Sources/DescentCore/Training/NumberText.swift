import Foundation

/// Short renderings of single numbers for summaries and step headers.
enum NumberText {
    /// At most `digits` significant digits, like `%g`: `4.51`, `0.0123`, `1.2e-07`.
    static func short(_ value: Double, digits: Int = 4) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return String(format: "%.\(digits)g", value)
    }
}
