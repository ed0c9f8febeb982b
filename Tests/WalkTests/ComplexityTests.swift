import BackcheckModel
import BackcheckWalk
import Testing
import TestSupport

/// The walk at two sizes of the hostile shapes: the steps counted (``WorkMeter``: entries
/// visited and ignore patterns tried) grow at most linearly with the tree.
@Suite struct WalkComplexityTests {
    /// A tree of size `n` in one of three shapes.
    static func tree(_ shape: String, _ n: Int) throws -> TemporaryTree {
        let tree = try TemporaryTree()
        switch shape {
        case "a wide directory under a .gitignore":
            try tree.write(".gitignore", (0..<20).map { "*.tmp\($0)\nbuild\($0)/\n" }.joined())
            for index in 0..<n { try tree.write("src/f\(index).py") }
        case "a deep chain of directories":
            try tree.write(String(repeating: "d/", count: n) + "leaf.py")
        default:
            for index in 0..<n {
                try tree.write("pkg\(index)/.gitignore", "*.log\n!keep.log\n")
                try tree.write("pkg\(index)/app.py")
            }
        }
        return tree
    }

    static func steps(_ shape: String, _ n: Int) throws -> (steps: Int, files: Int) {
        let tree = try tree(shape, n)
        defer { tree.remove() }
        let (result, steps) = try WorkMeter.measure {
            try Walker(root: tree.root, options: WalkOptions(globalExcludesFile: nil)).walk()
        }
        return (steps, result.files.count)
    }

    @Test(arguments: ["a wide directory under a .gitignore", "a deep chain of directories", "many directories with their own .gitignore"])
    func stepsGrowLinearly(shape: String) throws {
        let small = try Self.steps(shape, 100), large = try Self.steps(shape, 400)
        #expect(large.files >= 1 && small.steps > 0)
        #expect(Double(large.steps) <= 5.0 * Double(small.steps), "\(small.steps) → \(large.steps) steps")
    }
}
