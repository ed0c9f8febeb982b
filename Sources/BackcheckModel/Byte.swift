/// ASCII bytes the path-pattern, glob and ignore-file parsers dispatch on.
public enum Byte {
    public static let star = UInt8(ascii: "*")
    public static let question = UInt8(ascii: "?")
    public static let openBracket = UInt8(ascii: "[")
    public static let closeBracket = UInt8(ascii: "]")
    public static let backslash = UInt8(ascii: "\\")
    public static let slash = UInt8(ascii: "/")
    public static let bang = UInt8(ascii: "!")
    public static let caret = UInt8(ascii: "^")
    public static let dash = UInt8(ascii: "-")
    public static let colon = UInt8(ascii: ":")
    public static let hash = UInt8(ascii: "#")
    public static let space = UInt8(ascii: " ")
    public static let tab = UInt8(ascii: "\t")
    public static let newline = UInt8(ascii: "\n")
    public static let carriageReturn = UInt8(ascii: "\r")
    public static let dot = UInt8(ascii: ".")
}
