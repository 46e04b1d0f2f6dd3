import DescentCore

/// One thing Tab can insert.
struct Completion: Equatable {
    /// What to insert, e.g. `momentum(` or `beta=`.
    let text: String
    /// Whether a space should follow when it is the only match (keywords, commands).
    let wantsSpace: Bool
}

/// What Tab should do.
enum CompletionAnswer: Equatable {
    /// Let readline complete a file name; `inString` closes the string after a file.
    case filePaths(inString: Bool)
    /// These candidates, all starting with the word.
    case candidates([Completion])
}

/// Answers Tab from what is in scope in the session.
struct Completer {
    let session: Session

    private static let ruleVariables = ["theta", "θ", "grad", "∇", "t", "T", "N"]
    private static let attributes = ["T", "shape"]

    /// The completions of `word`, which ends `entryBeforeCursor`.
    func complete(word: String, entryBeforeCursor: String) -> CompletionAnswer {
        let context = CompletionContext.of(entryBeforeCursor: entryBeforeCursor, word: word)
        let candidates: [Completion]
        switch context {
        case .filePath:
            return .filePaths(inString: false)
        case .filePathInString:
            return .filePaths(inString: true)
        case .metaCommand:
            candidates = HelpTopics.metaCommandNames.map { Completion(text: $0, wantsSpace: true) }
        case .helpTopic:
            let topics = HelpTopics.all.map(\.name) + session.names
            candidates = topics.map { Completion(text: $0, wantsSpace: false) }
        case .definitionName:
            candidates = session.names.filter { session.source(of: $0) != nil }.map { Completion(text: $0, wantsSpace: false) }
        case .attribute:
            candidates = Self.attributes.map { Completion(text: $0, wantsSpace: false) }
        case .argument(let callee):
            let arguments = session.argumentNames(of: callee).map { Completion(text: $0 + "=", wantsSpace: false) }
            let matching = arguments.filter { $0.text.hasPrefix(word) }
            candidates = matching.isEmpty ? code(insideOptimizer: false) : matching
        case .code(let insideOptimizer):
            candidates = code(insideOptimizer: insideOptimizer)
        case .nothing:
            candidates = []
        }
        return .candidates(unique(candidates.filter { $0.text.hasPrefix(word) }))
    }

    /// Names, keywords and (inside a rule) the rule variables; callables get their `(`.
    private func code(insideOptimizer: Bool) -> [Completion] {
        let rule = insideOptimizer ? Self.ruleVariables.map { Completion(text: $0, wantsSpace: false) } : []
        let keywords = HelpTopics.languageKeywords.map { Completion(text: $0, wantsSpace: true) }
        let names = session.names.filter { !(insideOptimizer && Self.ruleVariables.contains($0)) }.map { name in
            session.kind(of: name)?.isCallable == true
                ? Completion(text: name + "(", wantsSpace: false)
                : Completion(text: name, wantsSpace: false)
        }
        return rule + keywords + names
    }

    /// The first of each text, in order.
    private func unique(_ completions: [Completion]) -> [Completion] {
        var seen = Set<String>()
        return completions.filter { seen.insert($0.text).inserted }
    }
}
