import ArgumentParser

@main
struct Backcheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backcheck",
        abstract: "Checks a backend repository against the backend quality checklist."
    )
}
