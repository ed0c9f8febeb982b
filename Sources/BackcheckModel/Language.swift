/// A language backcheck can tokenize.
public enum Language: String, CaseIterable, Sendable, Codable, Hashable {
    case python, javascript, typescript, go, java, kotlin, csharp, php, ruby, swift, sql

    /// The language of a file by its extension (lower-cased, without the dot), or nil.
    public static func forExtension(_ ext: String) -> Language? {
        switch ext.lowercased() {
        case "py", "pyw", "pyi": .python
        case "js", "mjs", "cjs", "jsx": .javascript
        case "ts", "mts", "cts", "tsx": .typescript
        case "go": .go
        case "java": .java
        case "kt", "kts": .kotlin
        case "cs": .csharp
        case "php", "phtml": .php
        case "rb", "rake", "gemspec", "ru": .ruby
        case "swift": .swift
        case "sql", "ddl": .sql
        default: nil
        }
    }

    /// The language of an extensionless script from its first line (`#!/usr/bin/env python3`), or nil.
    public static func forShebang(_ firstLine: some Collection<UInt8>) -> Language? {
        guard firstLine.starts(with: "#!".utf8) else { return nil }
        let line = String(decoding: firstLine.prefix(200), as: UTF8.self)
        let words = line.dropFirst(2).split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "\t" || $0 == "\r" })
        for word in words.reversed() {
            let name = word.prefix { $0.isLetter || $0 == "-" }
            switch name {
            case "python", "python3", "python2": return .python
            case "node", "nodejs", "deno", "bun": return .javascript
            case "ts-node": return .typescript
            case "ruby": return .ruby
            case "php": return .php
            case "swift": return .swift
            case "kotlin": return .kotlin
            default: continue
            }
        }
        return nil
    }
}
