/// A problem in a CSV file, with the 1-based line and column it was found at.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, lowercase: `row 3 has 2 values, expected 3`.
    public var message: String
    /// The file the text came from.
    public var fileName: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in characters.
    public var column: Int

    /// A CSV error at a line and column of `fileName`.
    public init(_ message: String, fileName: String, line: Int, column: Int) {
        self.message = message
        self.fileName = fileName
        self.line = line
        self.column = column
    }

    /// `data.csv:3:5: "abc" is not a number`.
    public var description: String { "\(fileName):\(line):\(column): \(message)" }
}

/// Reads numeric CSV text into a 2-D tensor, one row per line.
public enum CSVReader {
    /// Parses `text` (read from `fileName`). With `header == nil` a first line without a
    /// single number is taken for column names and skipped; one with some numbers is data,
    /// so a typo in it is reported rather than the row silently dropped. Blank lines are ignored and
    /// `\r\n` line ends are accepted; fields may be surrounded by spaces or double quotes.
    public static func parse(_ text: String, fileName: String, header: Bool?) throws -> Tensor {
        var lines = CSVLine.split(text)
        guard let first = lines.first else {
            throw CSVError("the file is empty", fileName: fileName, line: 1, column: 1)
        }
        let skipsHeader = header ?? !first.fields.contains { Double($0.text) != nil }
        if skipsHeader {
            lines.removeFirst()
            guard !lines.isEmpty else {
                throw CSVError("the file has a header but no data rows", fileName: fileName, line: first.number, column: 1)
            }
        }
        let width = lines[0].fields.count
        var scalars: [Double] = []
        scalars.reserveCapacity(lines.count * width)
        for line in lines {
            guard line.fields.count == width else {
                let column = line.fields.count > width ? line.fields[width].column : line.endColumn
                throw CSVError(
                    "row \(line.number) has \(line.fields.count) values, expected \(width)",
                    fileName: fileName, line: line.number, column: column)
            }
            for field in line.fields {
                guard let value = Double(field.text) else {
                    throw CSVError(
                        "\"\(field.text)\" is not a number", fileName: fileName, line: line.number, column: field.column)
                }
                scalars.append(value)
            }
        }
        return Tensor(shape: [lines.count, width], scalars: scalars)
    }
}

/// One non-blank line of a CSV file, split into trimmed fields.
private struct CSVLine {
    struct Field {
        let text: String
        let column: Int
    }

    let number: Int
    let fields: [Field]
    let endColumn: Int

    /// The non-blank lines of `text` with their 1-based numbers.
    static func split(_ text: String) -> [CSVLine] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // "\r\n" is a single Character in Swift, so it needs its own case.
        let rawLines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        return rawLines.enumerated().compactMap { index, raw in
            guard raw.contains(where: { !$0.isWhitespace }) else { return nil }
            return CSVLine(number: index + 1, raw: raw)
        }
    }

    private init(number: Int, raw: Substring) {
        self.number = number
        var fields: [Field] = []
        var column = 1
        for piece in raw.split(separator: ",", omittingEmptySubsequences: false) {
            let leading = piece.prefix { $0.isWhitespace }.count
            var trimmed = piece.drop { $0.isWhitespace }
            while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
            if trimmed.count >= 2, trimmed.first == "\"", trimmed.last == "\"" {
                trimmed = trimmed.dropFirst().dropLast()
            }
            fields.append(Field(text: String(trimmed), column: column + leading))
            column += piece.count + 1
        }
        self.fields = fields
        self.endColumn = raw.count + 1
    }
}
