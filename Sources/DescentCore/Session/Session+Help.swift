import Foundation

extension Session {
    /// The documentation `:help NAME` prints: a statement, keyword, rule variable or
    /// meta-command from `HelpTopics`, a builtin, a prelude or user definition, or a
    /// user's variable. `nil` if nothing is called `name`.
    public func help(for name: String) -> String? {
        var sections: [String] = []
        if let topic = HelpTopics.topic(named: name) ?? HelpTopics.topic(named: ":" + name) {
            sections.append(topic.text)
        }
        if let definition = definitionHelp(for: name) {
            sections.append(definition)
        }
        return sections.isEmpty ? nil : sections.joined(separator: "\n\n")
    }

    private func definitionHelp(for name: String) -> String? {
        switch kind(of: name) {
        case .builtin?:
            guard let builtin = BuiltinRegistry.named(name) else { return nil }
            return "builtin \(builtin.signature)\n  \(builtin.summary)"
        case .optimizerDefinition?, .function?:
            let signature = signature(of: name) ?? name
            let comment = isUserDefined(name) ? [] : preludeComment(for: name)
            let origin = isUserDefined(name) ? "defined in this session" : "defined in the prelude"
            return ([signature] + comment.map { "  " + $0 } + ["  (\(origin); :show \(name) prints it)"]).joined(separator: "\n")
        case let kind?:
            let detail = variables().first { $0.name == name }?.detail ?? ""
            return "\(name): \(kind.rawValue) \(detail)".trimmingCharacters(in: .whitespaces)
        case nil:
            return nil
        }
    }

    /// The comment lines right above a prelude definition, without their `#`.
    private func preludeComment(for name: String) -> [String] {
        guard let text = source(of: name), let found = Prelude.source.text.range(of: text) else { return [] }
        let before = Prelude.source.text[..<found.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        var comment: [String] = []
        for line in before.dropLast().reversed() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("#") else { break }
            comment.insert(String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces), at: 0)
        }
        return comment
    }
}
