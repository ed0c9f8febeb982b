/// A Rails controller class, as far as routing needs it: which actions it can serve. A
/// `resources` line in `config/routes.rb` implies routes for actions its controller may not
/// define; those routes serve nothing (``ControllerActions``).
public struct ControllerFacts: Sendable, Codable, Hashable {
    /// The class with the modules it is declared in (`Mod::HatRequestsController`).
    public var name: String
    /// The superclass as written (`ApplicationController`, `Mod::BaseController`); nil when none.
    public var superclass: String?
    /// The public instance methods the class defines: the actions it serves.
    public var actions: [String]
    /// Whether the class answers any action (`method_missing`, `action_missing`).
    public var answersAnyAction: Bool

    public init(name: String, superclass: String?, actions: [String], answersAnyAction: Bool) {
        self.name = name
        self.superclass = superclass
        self.actions = actions
        self.answersAnyAction = answersAnyAction
    }
}
