import BackcheckLexer
import BackcheckModel

/// Data carried by builders and collections: `sb.append(param)` taints `sb`, `list.add(param)`
/// taints `list`. A list or map created empty in the function is followed element by element
/// while only calls with constant indexes and keys touch it, so `list.get(1)` and
/// `map.get("a")` are as tainted as what was stored there.
struct ContainerState {
    /// Per list name, whether each element is tainted.
    var lists: [String: [Bool]] = [:]
    /// Per map name, whether the value under each constant key is tainted.
    var maps: [String: [[UInt8]: Bool]] = [:]

    /// Whether any element of a followed container is tainted, or nil when `name` is not one.
    func holdsTaint(_ name: String) -> Bool? {
        if let list = lists[name] { return list.contains(true) }
        if let map = maps[name] { return map.values.contains(true) }
        return nil
    }

    mutating func forget(_ name: String) {
        lists[name] = nil
        maps[name] = nil
    }
}

/// What an empty container literal or constructor makes.
enum ContainerKind {
    case list
    case map
}

/// A call that stores its arguments' data in its receiver.
struct MutatorCall {
    let receiver: String
    let method: String
    /// Each argument's tokens.
    let arguments: [Range<Int>]
    /// The whole call, receiver to closing parenthesis.
    let end: Int
}

extension TaintFlow {
    /// Calls that store their last argument in the receiver, whatever it is.
    private static let mutators: Set<String> = [
        "add", "addAll", "addElement", "addFirst", "addLast", "append", "extend", "insert", "offer", "push",
        "put", "putAll", "putIfAbsent", "setdefault", "unshift",
    ]
    /// Calls read only on a followed container: on anything else `set`, `remove` and `clear`
    /// mean too many things (`model.set(field, value)`) to taint their receiver.
    private static let containerMethods: Set<String> = ["set", "remove", "clear"]

    /// The mutator call whose method name is the token at `index`: `sb.append(x)`,
    /// `this.items.add(x)`, `sb.append(a).append(b)` (a fluent builder's receiver is its head).
    func mutatorCall(at index: Int) -> MutatorCall? {
        guard index > 1, index + 1 < tokens.count, tokens[index].kind == .identifier, tokens[index].length <= 11,
              isMemberAccess(index - 1) else { return nil }
        let open = index + 1
        let token = tokens[open]
        guard token.kind == .punctuation, token.hasPartner, Int(token.partner) > open, bytes[Int(token.start)] == UInt8(ascii: "(") else { return nil }
        let method = text(index)
        guard Self.mutators.contains(method) || Self.containerMethods.contains(method) else { return nil }
        var cursor = index - 2
        var steps = 0
        // Back to the head of the receiver chain, through earlier calls of the same builder.
        while cursor >= 0, steps < 32 {
            steps += 1
            let previous = tokens[cursor]
            if previous.kind == .punctuation, previous.hasPartner, Int(previous.partner) < cursor, bytes[Int(previous.start)] == UInt8(ascii: ")") {
                let callee = Int(previous.partner) - 1
                guard callee > 1, Self.mutators.contains(text(callee)), isMemberAccess(callee - 1) else { return nil }
                cursor = callee - 2
                continue
            }
            guard previous.kind == .identifier else { return nil }
            if cursor > 1, isMemberAccess(cursor - 1), tokens[cursor - 2].kind == .identifier { cursor -= 2; continue }
            break
        }
        guard cursor >= 0, tokens[cursor].kind == .identifier, cursor == 0 || !isMemberAccess(cursor - 1) else { return nil }
        // The receiver: the identifier chain from the head up to the first call.
        var receiver = text(cursor)
        var member = cursor + 1
        while member + 1 < index, isMemberAccess(member), tokens[member + 1].kind == .identifier, !isOpenParenthesis(member + 2) {
            receiver += text(member) + text(member + 1)
            member += 2
        }
        let close = Int(token.partner)
        var arguments: [Range<Int>] = []
        var start = open + 1
        var argument = open + 1
        while argument < close {
            let inner = tokens[argument]
            if inner.hasPartner, Int(inner.partner) > argument { argument = Int(inner.partner) + 1; continue }
            if inner.kind == .punctuation, inner.length == 1, bytes[Int(inner.start)] == UInt8(ascii: ",") {
                arguments.append(start..<argument)
                start = argument + 1
            }
            argument += 1
        }
        if start < close { arguments.append(start..<close) }
        return MutatorCall(receiver: receiver, method: method, arguments: arguments, end: close + 1)
    }

    /// Applies `call` to the tainted names and the followed containers;
    /// `stored`: whether the value the call stores (its last argument) is tainted.
    func apply(_ call: MutatorCall, stored: Bool, to names: inout Set<String>, containers: inout ContainerState) {
        let name = call.receiver
        if var list = containers.lists[name] {
            switch (call.method, call.arguments.count) {
            case ("add", 1), ("addLast", 1), ("append", 1), ("push", 1), ("offer", 1):
                list.append(stored)
            case ("addFirst", 1), ("unshift", 1):
                list.insert(stored, at: 0)
            case ("add", 2), ("insert", 2):
                guard let position = integer(call.arguments[0]), position >= 0, position <= list.count else { return lose(name, &names, &containers, stored) }
                list.insert(stored, at: position)
            case ("set", 2):
                guard let position = integer(call.arguments[0]), position >= 0, position < list.count else { return lose(name, &names, &containers, stored) }
                list[position] = stored
            case ("remove", 1):
                guard let position = integer(call.arguments[0]), position >= 0, position < list.count else { return lose(name, &names, &containers, false) }
                list.remove(at: position)
            case ("clear", 0):
                list.removeAll()
            default:
                return lose(name, &names, &containers, stored)
            }
            containers.lists[name] = list
        } else if var map = containers.maps[name] {
            switch (call.method, call.arguments.count) {
            case ("put", 2), ("set", 2), ("putIfAbsent", 2):
                guard let key = constantKey(call.arguments[0]) else { return lose(name, &names, &containers, stored) }
                if call.method != "putIfAbsent" || map[key] == nil { map[key] = stored }
            case ("remove", 1):
                guard let key = constantKey(call.arguments[0]) else { return lose(name, &names, &containers, false) }
                map[key] = nil
            case ("clear", 0):
                map.removeAll()
            default:
                return lose(name, &names, &containers, stored)
            }
            containers.maps[name] = map
        } else {
            if stored, Self.mutators.contains(call.method) { names.insert(name) }
            return
        }
        if containers.holdsTaint(name) == true { names.insert(name) } else { names.remove(name) }
    }

    /// A container no longer followed keeps the taint it had, plus what the call stored.
    private func lose(_ name: String, _ names: inout Set<String>, _ containers: inout ContainerState, _ stored: Bool) {
        let held = containers.holdsTaint(name) ?? false
        containers.forget(name)
        if held || stored { names.insert(name) }
    }

    /// The kind of empty container a right side creates: `new ArrayList<>()`, `new HashMap<K, V>()`,
    /// `[]`, `{}`, `new Map()`, `dict()`, `list()`.
    func emptyContainer(_ right: Range<Int>) -> ContainerKind? {
        guard !right.isEmpty else { return nil }
        let first = right.lowerBound
        if right.count == 2, tokens[first].hasPartner, Int(tokens[first].partner) == first + 1 {
            let bracket = bytes[Int(tokens[first].start)]
            if bracket == UInt8(ascii: "[") { return .list }
            if bracket == UInt8(ascii: "{") { return .map }
            return nil
        }
        let last = right.upperBound - 1
        // An empty argument list ends the right side: `new java.util.ArrayList<String>()`.
        guard last > first, tokens[last].hasPartner, Int(tokens[last].partner) == last - 1 else { return nil }
        var typeName: String?
        for index in right where tokens[index].kind == .identifier {
            let word = text(index)
            if word == "new" { continue }
            typeName = word
            if index + 1 < right.upperBound, isMemberAccess(index + 1) { continue }
            break
        }
        guard let typeName else { return nil }
        if ["ArrayList", "LinkedList", "Vector", "ArrayDeque", "list", "List"].contains(typeName) { return .list }
        if ["HashMap", "LinkedHashMap", "TreeMap", "Hashtable", "ConcurrentHashMap", "Map", "dict"].contains(typeName) { return .map }
        return nil
    }

    /// The taint of a right side that reads one element of a followed container:
    /// `list.get(1)`, `(String) map.get("a")`, or nil when it is anything else.
    func elementTaint(_ right: Range<Int>, containers: ContainerState) -> Bool? {
        var start = right.lowerBound
        // A cast: `(String) map.get("k")`.
        if start < right.upperBound, tokens[start].hasPartner, Int(tokens[start].partner) > start,
           bytes[Int(tokens[start].start)] == UInt8(ascii: "("), Int(tokens[start].partner) + 1 < right.upperBound {
            start = Int(tokens[start].partner) + 1
        }
        guard right.upperBound - start == 6, tokens[start].kind == .identifier, isMemberAccess(start + 1),
              text(start + 2) == "get", isOpenParenthesis(start + 3), Int(tokens[start + 3].partner) == start + 5 else { return nil }
        let name = text(start)
        let argument = (start + 4)..<(start + 5)
        if let list = containers.lists[name] {
            guard let position = integer(argument), position >= 0, position < list.count else { return nil }
            return list[position]
        }
        if let map = containers.maps[name] {
            guard let key = constantKey(argument) else { return nil }
            return map[key] ?? false
        }
        return nil
    }

    private func integer(_ range: Range<Int>) -> Int? {
        guard range.count == 1, tokens[range.lowerBound].kind == .number else { return nil }
        return Int(text(range.lowerBound))
    }

    private func constantKey(_ range: Range<Int>) -> [UInt8]? {
        guard range.count == 1 else { return nil }
        let token = tokens[range.lowerBound]
        switch token.kind {
        case .string:
            return Array(bytes[(Int(token.start) + Int(token.contentStartOffset))..<(Int(token.end) - Int(token.contentEndTrim))])
        case .number:
            return Array(bytes[token.range])
        default:
            return nil
        }
    }

    func isOpenParenthesis(_ index: Int) -> Bool {
        guard index < tokens.count else { return false }
        let token = tokens[index]
        return token.kind == .punctuation && token.hasPartner && Int(token.partner) > index
            && bytes[Int(token.start)] == UInt8(ascii: "(")
    }
}
