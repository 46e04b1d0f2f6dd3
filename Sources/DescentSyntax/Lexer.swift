/// Turns source text into tokens, reporting characters it cannot read and carrying on.
///
/// Every line break becomes a `.newline` token; the parser decides where one ends a
/// statement (outside brackets) and where it is just layout (inside `(` and `[`), so that
/// an unclosed bracket can be reported at the end of its line.
public struct Lexer {
    private let file: SourceFile
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var tokenStart = 0
    private var tokens: [Token] = []
    private var diagnostics: [Diagnostic] = []

    /// The tokens of `file`, always ending with `.endOfFile`, and the lexical errors found.
    public static func tokenize(_ file: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(file: file)
        lexer.scanAll()
        return (lexer.tokens, lexer.diagnostics)
    }

    private init(file: SourceFile) {
        self.file = file
        self.scalars = file.scalars
    }

    private mutating func scanAll() {
        while position < scalars.count {
            tokenStart = position
            scanToken()
        }
        tokenStart = scalars.count
        addToken(.endOfFile)
    }

    private mutating func scanToken() {
        let scalar = advance()
        switch scalar {
        case " ", "\t", "\r": return
        case "\n": addToken(.newline)
        case "#": skipComment()
        case "\"": scanString()
        case "0"..."9": scanNumber()
        case ".":
            if isDigit(peek) {
                scanNumber()
            } else {
                addToken(match(".") ? .dotDot : .dot)
            }
        case "∇": addToken(.identifier)
        default:
            if let kind = operatorKind(startingWith: scalar) {
                addToken(kind)
            } else if isIdentifierStart(scalar) {
                scanIdentifier()
            } else {
                scanInvalid()
            }
        }
    }

    private mutating func operatorKind(startingWith scalar: Unicode.Scalar) -> TokenKind? {
        switch scalar {
        case "+": return .plus
        case "-": return .minus
        case "*": return .star
        case "/": return .slash
        case "%": return .percent
        case "^": return .caret
        case "@": return .at
        case "(": return .leftParen
        case ")": return .rightParen
        case "[": return .leftBracket
        case "]": return .rightBracket
        case "{": return .leftBrace
        case "}": return .rightBrace
        case ",": return .comma
        case ":": return .colon
        case ";": return .semicolon
        case "≈": return .approx
        case "<": return match("=") ? .lessEqual : .less
        case ">": return match("=") ? .greaterEqual : .greater
        case "=": return match("=") ? .equalEqual : .equal
        case "!": return match("=") ? .bangEqual : nil
        case "~": return match("=") ? .approx : nil
        default: return nil
        }
    }

    private mutating func skipComment() {
        while position < scalars.count, peek != "\n" { position += 1 }
    }

    /// Strings end on the same line; an unterminated one still becomes a string token so
    /// the parser does not report a second error for the same mistake.
    private mutating func scanString() {
        var value = String.UnicodeScalarView()
        while position < scalars.count, peek != "\n", peek != "\"" {
            let scalar = advance()
            guard scalar == "\\", position < scalars.count, peek != "\n" else {
                value.append(scalar)
                continue
            }
            let escaped = advance()
            switch escaped {
            case "n": value.append("\n")
            case "t": value.append("\t")
            case "\"": value.append("\"")
            case "\\": value.append("\\")
            default:
                report("unknown escape '\\\(escaped)' in string; use \\n, \\t, \\\" or \\\\", from: position - 2, to: position)
                value.append(scalar)
                value.append(escaped)
            }
        }
        if !match("\"") {
            report("unterminated string", from: tokenStart, to: position)
        }
        addToken(.string, literal: .string(String(value)))
    }

    /// `1`, `1.5`, `.5`, `1.`, `1e-3`, `2E+5`. A dot followed by a letter or another dot
    /// is not part of the number, so `0..5` is `0`, `..`, `5` and `1.T` is an attribute.
    private mutating func scanNumber() {
        while isDigit(peek) { position += 1 }
        if scalars[tokenStart] != ".", peek == "." {
            let next = peek(offset: 1)
            if isDigit(next) {
                position += 1
                while isDigit(peek) { position += 1 }
            } else if !(next.map { $0 == "." || isIdentifierStart($0) } ?? false) {
                position += 1
            }
        }
        scanExponent()
        let text = file.text(in: SourceRange(file: file, start: tokenStart, end: position))
        guard let value = Double(text), value.isFinite else {
            report("number '\(text)' is too large", from: tokenStart, to: position)
            addToken(.invalid)
            return
        }
        addToken(.number, literal: .number(value))
    }

    private mutating func scanExponent() {
        guard peek == "e" || peek == "E" else { return }
        let signed = peek(offset: 1) == "+" || peek(offset: 1) == "-"
        guard isDigit(peek(offset: signed ? 2 : 1)) else { return }
        position += signed ? 2 : 1
        while isDigit(peek) { position += 1 }
    }

    private mutating func scanIdentifier() {
        while let next = peek, isIdentifierContinuation(next) { position += 1 }
        let word = file.text(in: SourceRange(file: file, start: tokenStart, end: position))
        addToken(TokenKind.keyword(spelled: word) ?? .identifier)
    }

    /// A run of unreadable characters is one error, not one per character.
    private mutating func scanInvalid() {
        while let next = peek, isUnreadable(next) { position += 1 }
        let text = file.text(in: SourceRange(file: file, start: tokenStart, end: position))
        let shown = text.unicodeScalars.map(Self.describe).joined()
        let noun = text.unicodeScalars.count == 1 ? "character" : "characters"
        report("unexpected \(noun) '\(shown)'", from: tokenStart, to: position, notes: Self.hint(for: text))
        addToken(.invalid)
    }

    private func isUnreadable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\r", "\n", "#", "\"", ".", "∇", "0"..."9": return false
        case "!", "~": return peek(offset: 1) != "="
        default:
            return !isIdentifierStart(scalar) && !"+-*/%^@()[]{},:;≈<>=".unicodeScalars.contains(scalar)
        }
    }

    /// Invisible characters are shown by code point so the message says what is there.
    private static func describe(_ scalar: Unicode.Scalar) -> String {
        let visible = scalar.properties.generalCategory
        switch visible {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        default:
            return String(scalar)
        }
    }

    private static func hint(for text: String) -> [String] {
        switch text {
        case "&", "&&": return ["hint: write 'and'"]
        case "|", "||": return ["hint: write 'or'"]
        case "!": return ["hint: write 'not', or '!=' for not equal"]
        default: return []
        }
    }

    private func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return ("0"..."9").contains(scalar)
    }

    /// Letters of any script (`η`, `β`, `θ`) and `_` start a name.
    private func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" }
        return scalar.properties.isAlphabetic
    }

    private func isIdentifierContinuation(_ scalar: Unicode.Scalar) -> Bool {
        if isIdentifierStart(scalar) { return true }
        if scalar.isASCII { return isDigit(scalar) }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark: return true
        default: return false
        }
    }

    private var peek: Unicode.Scalar? { peek(offset: 0) }

    private func peek(offset: Int) -> Unicode.Scalar? {
        let index = position + offset
        return index < scalars.count ? scalars[index] : nil
    }

    private mutating func advance() -> Unicode.Scalar {
        let scalar = scalars[position]
        position += 1
        return scalar
    }

    private mutating func match(_ expected: Unicode.Scalar) -> Bool {
        guard peek == expected else { return false }
        position += 1
        return true
    }

    private mutating func addToken(_ kind: TokenKind, literal: Token.Literal? = nil) {
        let range = SourceRange(file: file, start: tokenStart, end: position)
        tokens.append(Token(kind: kind, range: range, lexeme: file.text(in: range), literal: literal))
    }

    private mutating func report(_ message: String, from start: Int, to end: Int, notes: [String] = []) {
        diagnostics.append(Diagnostic(message, at: SourceRange(file: file, start: start, end: end), notes: notes))
    }
}
