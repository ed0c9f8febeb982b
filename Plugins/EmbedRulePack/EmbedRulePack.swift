import Foundation
import PackagePlugin

/// Embeds the built-in rule pack (Rules/**/*.yml) and the default config (Config/backcheck.yml)
/// into the binary at build time, so the installed tool never looks up paths at run time.
@main
struct EmbedRulePack: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs = [root.appending(path: "Config/backcheck.yml")]
        let rules = root.appending(path: "Rules")
        if let walker = FileManager.default.enumerator(at: rules, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where ["yml", "yaml"].contains(url.pathExtension) {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedPackFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding rule pack (\(inputs.count - 1) rules)",
                executable: try context.tool(named: "RulePackEmbedder").url,
                arguments: [root.path, output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
