import DescentSyntax

/// The prelude, `Resources/prelude.descent`, compiled into the library at build time
/// (see `Plugins/EmbedPrelude`).
enum Prelude {
    /// The prelude as a source file named `<prelude>`.
    static let source = SourceFile(name: "<prelude>", text: preludeText)
}
