import PackagePlugin

/// Compiles `Resources/prelude.descent` into the target as a string constant
/// (`preludeText`), regenerated whenever the prelude changes.
@main
struct EmbedPrelude: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let input = target.directoryURL.appending(path: "Resources/prelude.descent")
        let output = context.pluginWorkDirectoryURL.appending(path: "PreludeText.swift")
        return [
            .buildCommand(
                displayName: "Embedding the prelude",
                executable: try context.tool(named: "EmbedText").url,
                arguments: [input.path(), output.path(), "preludeText"],
                inputFiles: [input],
                outputFiles: [output])
        ]
    }
}
