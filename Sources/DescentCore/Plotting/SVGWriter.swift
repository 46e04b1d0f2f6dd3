import Foundation

/// Builds SVG text element by element, escaping every attribute value and text so the
/// document is well-formed XML whatever names and labels a program uses.
struct SVGWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var openElements: [String] = []

    /// Starts an element that later elements go inside, until `close()`.
    mutating func open(_ name: String, _ attributes: [String: String] = [:]) {
        text += indentation + "<\(name)\(Self.attributeText(attributes))>\n"
        openElements.append(name)
    }

    /// Ends the innermost open element.
    mutating func close() {
        guard let name = openElements.popLast() else { return }
        text += indentation + "</\(name)>\n"
    }

    /// A complete element, empty or holding `text`.
    mutating func element(_ name: String, _ attributes: [String: String] = [:], text content: String? = nil) {
        let start = indentation + "<\(name)\(Self.attributeText(attributes))"
        if let content {
            text += start + ">\(Self.escaped(content))</\(name)>\n"
        } else {
            text += start + "/>\n"
        }
    }

    /// Text safe inside XML content and double-quoted attributes; characters XML 1.0
    /// forbids (most control characters) are dropped.
    static func escaped(_ raw: String) -> String {
        var result = ""
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value >= 0x20, value != 0xFFFE, value != 0xFFFF { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// A coordinate with at most two decimals.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let text = String(format: "%.2f", value)
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return trimmed == "-0" ? "0" : String(trimmed)
    }

    private var indentation: String {
        String(repeating: "  ", count: openElements.count)
    }

    /// Attributes sorted by name, so the same plot always gives the same file.
    private static func attributeText(_ attributes: [String: String]) -> String {
        attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\(escaped($0.value))\"" }.joined()
    }
}
