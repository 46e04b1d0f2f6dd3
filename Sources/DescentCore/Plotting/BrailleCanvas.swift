/// Terminal cells drawn on with braille dots, two across and four down per cell, so a
/// line moves in steps of half a character across and a quarter down. Each cell has
/// one colour, and a symbol can stand in a cell instead of its dots.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    private var dots: [UInt8]
    private var colors: [Int?]
    private var symbols: [Character?]

    /// The bit of each dot in a braille character, by dot row then dot column.
    private static let dotBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    init(columns: Int, rows: Int) {
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        dots = Array(repeating: 0, count: self.columns * self.rows)
        colors = Array(repeating: nil, count: self.columns * self.rows)
        symbols = Array(repeating: nil, count: self.columns * self.rows)
    }

    var dotWidth: Int { columns * 2 }
    var dotHeight: Int { rows * 4 }

    /// Sets the dot at `(x, y)`, counted from the top left; dots off the canvas are ignored.
    mutating func setDot(x: Int, y: Int, color: Int? = nil) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let cell = (y / 4) * columns + x / 2
        dots[cell] |= Self.dotBits[y % 4][x % 2]
        if let color { colors[cell] = color }
    }

    /// Draws a straight line of dots from one dot to another (Bresenham), keeping the
    /// dots `pattern` allows: the pattern advances with every dot, and `phase` carries
    /// it on from one segment to the next so a dashed line stays evenly dashed.
    mutating func drawLine(
        from start: (x: Int, y: Int), to end: (x: Int, y: Int), pattern: [Bool], phase: inout Int, color: Int? = nil
    ) {
        var (x, y) = start
        let (dx, dy) = (abs(end.x - x), -abs(end.y - y))
        let (stepX, stepY) = (x < end.x ? 1 : -1, y < end.y ? 1 : -1)
        var error = dx + dy
        while true {
            if pattern.isEmpty || pattern[phase % pattern.count] { setDot(x: x, y: y, color: color) }
            phase = (phase + 1) % max(1, pattern.count)
            if x == end.x, y == end.y { break }
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x += stepX
            }
            if doubled <= dx {
                error += dx
                y += stepY
            }
        }
    }

    /// Puts `symbol` in a cell in place of its dots.
    mutating func place(_ symbol: Character, column: Int, row: Int, color: Int? = nil) {
        guard column >= 0, row >= 0, column < columns, row < rows else { return }
        symbols[row * columns + column] = symbol
        if let color { colors[row * columns + column] = color }
    }

    /// What a cell shows: its symbol, or the braille character of its dots (a blank
    /// space when it has none), and its colour.
    func cell(column: Int, row: Int) -> (character: Character, color: Int?) {
        let index = row * columns + column
        if let symbol = symbols[index] { return (symbol, colors[index]) }
        if dots[index] == 0 { return (" ", nil) }
        let scalar = Unicode.Scalar(0x2800 + UInt32(dots[index])) ?? " "
        return (Character(scalar), colors[index])
    }

    /// One row as text, with ANSI colour codes when `useColor` is set.
    func line(row: Int, useColor: Bool) -> String {
        var text = ""
        var current: Int?
        for column in 0..<columns {
            let (character, color) = cell(column: column, row: row)
            if useColor, color != current, character != " " {
                text += AnsiColor.code(color)
                current = color
            }
            text.append(character)
        }
        if useColor, current != nil { text += AnsiColor.code(nil) }
        return text
    }
}

/// ANSI SGR colour codes for the terminal.
enum AnsiColor {
    /// Blue, yellow, green, red, magenta, cyan: told apart on dark and light backgrounds.
    static let series = [34, 33, 32, 31, 35, 36]
    static let grey = 90
    static let green = 32
    static let red = 31

    /// The escape that starts `color`, or resets to the default for `nil`.
    static func code(_ color: Int?) -> String {
        "\u{1B}[\(color.map(String.init) ?? "0")m"
    }
}
