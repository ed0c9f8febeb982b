/// Drops the routes a Rails `resources` line implies for write actions its controller does not
/// define: Rails answers them with "The action 'destroy' could not be found", so nothing is
/// served there to document or test. A route is kept whenever the answer is not known: its
/// controller file or a superclass's is not in the root (a gem's base class may define the
/// action), or a class in the chain answers any action (`method_missing`). Modules the classes
/// `include` are taken to define no write action.
enum ControllerActions {
    /// The superclasses that end a chain: they define no action.
    private static let frameworkBases: Set<String> = ["ActionController::Base", "ActionController::API", "ActionController::Metal"]

    /// `routes` without the ones no controller action serves.
    static func served(_ routes: [ResolvedRoute], files: [RouteFileFacts]) -> [ResolvedRoute] {
        guard routes.contains(where: { $0.route.controller != nil }) else { return routes }
        var controllers: [String: ControllerFacts] = [:]
        for file in files { if let controller = file.controller { controllers[file.path] = controller } }
        guard !controllers.isEmpty else { return routes }
        return routes.filter { route in
            guard let controller = route.route.controller, let action = route.route.handler,
                  let root = applicationRoot(ofRoutesFile: route.file) else { return true }
            return serves(root + "app/controllers/" + controller + "_controller.rb", action: action, root: root, in: controllers) != false
        }
    }

    /// Whether the controller of the file at `path`, or a superclass, defines `action`; nil when
    /// that is not known.
    private static func serves(_ path: String, action: String, root: String, in controllers: [String: ControllerFacts]) -> Bool? {
        var path = path
        for _ in 0..<8 {
            guard let controller = controllers[path] else { return nil }
            if controller.answersAnyAction { return nil }
            if controller.actions.contains(action) { return true }
            guard let superclass = controller.superclass else { return nil }
            if frameworkBases.contains(superclass) { return false }
            guard let next = file(of: superclass, from: controller.name, root: root, in: controllers) else { return nil }
            path = next
        }
        return nil
    }

    /// The file of the class `name` as written inside `context`'s modules: Ruby looks in the
    /// enclosing modules first (`BaseController` inside `Mod::` is `Mod::BaseController` when
    /// that exists), then at the top level.
    private static func file(of name: String, from context: String, root: String, in controllers: [String: ControllerFacts]) -> String? {
        var modules = context.components(separatedBy: "::").dropLast()
        while true {
            let qualified = (Array(modules) + [name]).joined(separator: "::")
            let path = root + "app/controllers/" + qualified.components(separatedBy: "::").map(underscored).joined(separator: "/") + ".rb"
            if controllers[path] != nil { return path }
            guard !modules.isEmpty else { return nil }
            modules = modules.dropLast()
        }
    }

    /// The folder holding `config/routes.rb` (or `config/routes/…`) and `app/`: `""` or
    /// `backend/`.
    private static func applicationRoot(ofRoutesFile path: String) -> String? {
        guard let range = path.range(of: "config/routes") else { return nil }
        let root = String(path[..<range.lowerBound])
        return root.isEmpty || root.hasSuffix("/") ? root : nil
    }

    /// `HatRequestsController` → `hat_requests_controller`, as Rails names files.
    static func underscored(_ name: String) -> String {
        var result = ""
        let characters = Array(name)
        for (offset, character) in characters.enumerated() {
            if character.isUppercase, offset > 0,
               characters[offset - 1].isLowercase || characters[offset - 1].isNumber
                || (offset + 1 < characters.count && characters[offset + 1].isLowercase && characters[offset - 1].isUppercase) {
                result.append("_")
            }
            result.append(contentsOf: character.lowercased())
        }
        return result
    }
}
