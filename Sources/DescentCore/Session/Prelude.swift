import DescentSyntax
import Foundation

/// The prelude, `Resources/prelude.descent`, shipped with the library.
enum Prelude {
    /// The prelude as a source file named `<prelude>`.
    static let source: SourceFile = {
        let text = Bundle.module.url(forResource: "prelude", withExtension: "descent")
            .flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
        return SourceFile(name: "<prelude>", text: text)
    }()
}
