/// A named piece of Descent source text: a script, one REPL input, or the prelude.
///
/// Positions are offsets into `scalars` (Unicode scalars), so a caret lands under the
/// right character even after Greek identifiers. Lines and columns are computed only
/// when a diagnostic is printed.
public final class SourceFile: Sendable {
    /// The name shown in diagnostics (`lesson.descent`, `<repl>`, `<prelude>`).
    public let name: String
    /// The full text.
    public let text: String
    /// The text as Unicode scalars; `SourceRange` offsets index into this.
    public let scalars: [Unicode.Scalar]
    /// Offsets of the first scalar of every line.
    public let lineStarts: [Int]

    /// Creates a source file from its name and text.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
        let scalars = Array(text.unicodeScalars)
        self.scalars = scalars
        var starts = [0]
        for (offset, scalar) in scalars.enumerated() where scalar == "\n" {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The 1-based line and column of an offset.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, scalars.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(line: low + 1, column: clamped - lineStarts[low] + 1)
    }

    /// The text of a 1-based line, without its newline.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : scalars.count
        if end > start, scalars[end - 1] == "\r" { end -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<max(start, end)])
        return String(view)
    }

    /// The source text covered by a range.
    public func text(in range: SourceRange) -> String {
        let start = max(0, min(range.start, scalars.count))
        let end = max(start, min(range.end, scalars.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}

/// A 1-based line and column.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open span `start..<end` of scalar offsets in one source file.
public struct SourceRange: Sendable, Hashable {
    public let file: SourceFile
    public let start: Int
    public let end: Int

    public init(file: SourceFile, start: Int, end: Int) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(file: file, start: min(start, other.start), end: max(end, other.end))
    }

    /// Where the range starts, as line and column.
    public var location: SourceLocation { file.location(of: start) }

    /// The source text the range covers.
    public var text: String { file.text(in: self) }

    public static func == (lhs: SourceRange, rhs: SourceRange) -> Bool {
        lhs.file === rhs.file && lhs.start == rhs.start && lhs.end == rhs.end
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(file))
        hasher.combine(start)
        hasher.combine(end)
    }
}

extension SourceRange {
    /// The empty range where this one begins: a caret with no underline, for messages
    /// about a whole statement (`interrupted`) that should not underline all of it.
    public var beginning: SourceRange {
        SourceRange(file: file, start: start, end: start)
    }
}
