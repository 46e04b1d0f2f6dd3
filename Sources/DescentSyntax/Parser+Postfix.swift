/// The tightest-binding expressions: literals, names, brackets, and the calls, subscripts
/// and attributes that follow them.
extension Parser {
    /// `postfix = primary { call_suffix | index_suffix | attribute_suffix } ;`
    mutating func postfix() throws(ParseFailure) -> Expr {
        let entryDepth = depth
        defer { depth = entryDepth }
        var expression = try primary()
        while true {
            switch peek.kind {
            case .leftParen:
                try enterNesting()
                expression = try callSuffix(expression)
            case .leftBracket:
                try enterNesting()
                expression = try indexSuffix(expression)
            case .dot:
                try enterNesting()
                expression = try attributeSuffix(expression)
            default:
                return expression
            }
        }
    }

    /// `call_suffix = "(" [ argument { "," argument } [ "," ] ] ")" ;`
    ///
    /// Positional arguments come first, then `name=value` ones, each name at most once.
    mutating func callSuffix(_ callee: Expr) throws(ParseFailure) -> Expr {
        let opener = advance()
        let saved = openBracket()
        defer { closeBracket(restoring: saved) }
        var arguments: [Argument] = []
        var labels: Set<String> = []
        while !check(.rightParen) {
            let argument = try argument()
            if let label = argument.label {
                guard labels.insert(label).inserted else {
                    throw error("duplicate argument '\(label)'", at: argument.labelRange ?? argument.value.range)
                }
            } else if !labels.isEmpty {
                throw error("positional argument after a named one", at: argument.value.range)
            }
            arguments.append(argument)
            if !match(.comma) { break }
        }
        let closer = try consumeClosing(.rightParen, opener: opener)
        return Expr(.call(callee, arguments), range: callee.range.union(closer.range))
    }

    /// `argument = [ IDENTIFIER "=" ] expression ;`
    mutating func argument() throws(ParseFailure) -> Argument {
        guard check(.identifier), peekNext.kind == .equal else { return Argument(value: try expression()) }
        let label = advance()
        advance()
        let value = try expression()
        return Argument(label: label.lexeme, labelRange: label.range, value: value)
    }

    /// `index_suffix = "[" subscript_item { "," subscript_item } [ "," ] "]" ;`
    mutating func indexSuffix(_ base: Expr) throws(ParseFailure) -> Expr {
        let opener = advance()
        let saved = openBracket()
        defer { closeBracket(restoring: saved) }
        var subscripts = [try subscriptItem()]
        while match(.comma), !check(.rightBracket) {
            subscripts.append(try subscriptItem())
        }
        let closer = try consumeClosing(.rightBracket, opener: opener)
        return Expr(.index(base, subscripts), range: base.range.union(closer.range))
    }

    /// `subscript_item = expression | [ expression ] ":" [ expression ] [ ":" [ expression ] ] ;`
    mutating func subscriptItem() throws(ParseFailure) -> Subscript {
        let first = peek.range
        var start: Expr?
        if !check(.colon) {
            let value = try expression(expected: "a subscript")
            guard check(.colon) else { return Subscript(.index(value), range: value.range) }
            start = value
        }
        advance()
        let stop = endsSlicePart ? nil : try expression()
        var step: Expr?
        if match(.colon), !endsSlicePart {
            step = try expression()
        }
        return Subscript(.slice(start: start, stop: stop, step: step), range: range(from: first))
    }

    /// Whether the part of a slice about to be read is omitted (`x[a:]`, `x[::2]`).
    private var endsSlicePart: Bool {
        check(.colon) || check(.comma) || check(.rightBracket)
    }

    /// `attribute_suffix = "." IDENTIFIER ;`
    mutating func attributeSuffix(_ base: Expr) throws(ParseFailure) -> Expr {
        advance()
        let name = try consumeName(expected: "an attribute name after '.'")
        return Expr(.attribute(base, name: name.text, nameRange: name.range), range: base.range.union(name.range))
    }

    /// `primary = NUMBER | STRING | IDENTIFIER | group | list ;`
    mutating func primary() throws(ParseFailure) -> Expr {
        let token = peek
        switch (token.kind, token.literal) {
        case (.number, .number(let value)?):
            advance()
            return Expr(.number(value), range: token.range)
        case (.string, .string(let text)?):
            advance()
            return Expr(.string(text), range: token.range)
        case (.identifier, _):
            advance()
            return Expr(.identifier(token.lexeme), range: token.range)
        case (.leftParen, _):
            return try group()
        case (.leftBracket, _):
            return try list()
        default:
            throw errorAtPeek(expected: "an expression")
        }
    }

    /// `group = "(" expression ")" ;` — the result's range includes the parentheses.
    mutating func group() throws(ParseFailure) -> Expr {
        let opener = advance()
        let saved = openBracket()
        defer { closeBracket(restoring: saved) }
        var inner = try expression()
        let closer = try consumeClosing(.rightParen, opener: opener)
        inner.range = opener.range.union(closer.range)
        return inner
    }

    /// `list = "[" [ expression { "," expression } [ "," ] ] "]" ;`
    mutating func list() throws(ParseFailure) -> Expr {
        let opener = advance()
        let saved = openBracket()
        defer { closeBracket(restoring: saved) }
        var elements: [Expr] = []
        while !check(.rightBracket) {
            elements.append(try expression())
            if !match(.comma) { break }
        }
        let closer = try consumeClosing(.rightBracket, opener: opener)
        return Expr(.list(elements), range: opener.range.union(closer.range))
    }
}
