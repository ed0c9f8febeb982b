import BackcheckModel

/// The conventions ``FileRoleClassifier`` applies: path patterns per role (gitignore dialect,
/// docs/DESIGN.md §10.1) after GitHub linguist's vendor and generated lists and each language's
/// test layout, and the content signs of vendored, minified and generated files.
enum FileRoleConventions {
    /// Path patterns per role; source has none (it is what is left).
    static let paths: [FileRole: [PathPattern]] = [
        .vendored: patterns(
            "vendor/", "vendors/", "node_modules/", "bower_components/", "jspm_packages/", "third_party/",
            "third-party/", "thirdparty/", "3rdparty/", "Pods/", "Carthage/", "**/static/**/libs/",
            "**/static/**/vendor/", "**/static/plugins/", "**/public/plugins/", "**/public/vendor/",
            "**/public/lib/", "**/public/libs/", "**/assets/vendor/", "**/assets/libs/",
            // A folder named for a library and its version (`pdfjs-5.2.133/`) is a copy of it.
            "*-[0-9]*.[0-9]*.[0-9]*/", "ace-builds/", "ace.js", "jquery*.js", "bootstrap.bundle*.js",
            "bootstrap-*.js", "modernizr*.js", "underscore.js", "underscore-min.js", "lodash.js", "backbone.js",
            "d3.js", "d3.v*.js", "require.js", "html5shiv*.js", "ckeditor.js", "tinymce*.js", "popper*.js",
            "select2*.js", "moment.js", "prototype.js", "mootools*.js"),
        .minified: patterns("*.min.js", "*-min.js", "*.min.mjs", "*.min.css"),
        .generated: patterns(
            "*.pb.go", "*_pb2.py", "*_pb2_grpc.py", "*.pb.swift", "*.grpc.swift", "*_pb.js", "*_grpc_pb.js",
            "*_pb.d.ts", "*.g.dart", "*.freezed.dart", "*.g.cs", "*.designer.cs", "*.Designer.cs",
            "*_generated.go", "zz_generated*.go", "*.generated.*", "GPBMetadata/"),
        .test: patterns(
            "test/", "tests/", "Tests/", "spec/", "specs/", "__tests__/", "testdata/", "e2e/", "*Tests/",
            "*_test.*", "test_*", "test-*", "tests.py", "conftest.py", "*.test.*", "*.spec.*", "*_spec.rb",
            "*Test.java", "*Tests.java", "*Test.kt", "*Tests.kt", "*Test.cs", "*Tests.cs", "*Test.php",
            "*Test.swift", "*Tests.swift", "*Test.scala", "*Spec.scala", "*Test.groovy", "*Spec.groovy",
            // Packages of test helpers and base test cases (`utilities/testing/`, `internal/testutil/`).
            "testing/", "testutil/", "testutils/", "test_utils/", "testhelpers/", "test_helpers/", "testsupport/"),
        .fixture: patterns(
            "fixtures/", "fixture/", "__fixtures__/", "factories/", "seeds/", "seeders/", "mocks/",
            "__mocks__/", "seeds.rb",
            // Settings for CI and developers' machines (Django settings modules, Rails environments).
            "**/settings/ci.py", "**/settings/test.py", "**/settings/testing.py", "**/settings/dev.py",
            "**/settings/development.py", "**/settings/local_dev.py", "**/config/environments/test.rb",
            "**/config/environments/development.rb",
            // A script that fills a development database (`prisma db seed`, `rake db:seed`).
            "seed.js", "seed.ts", "seed.mjs", "seed.py", "seed.rb", "seeds.py"),
        .migration: patterns(
            "*migrations/", "*Migrations/", "**/db/migrate/", "**/db/migration/", "**/db/changelog/", "**/alembic/versions/",
            "V[0-9]*__*.sql", "U[0-9]*__*.sql", "R__*.sql", "*.up.sql", "*.down.sql",
            // A Go package's list of migration functions, applied in order at start-up.
            "migrations.go"),
        .frontend: patterns(
            "*.jsx", "*.tsx", "*.vue", "*.svelte", "**/client/**/*.js", "**/client/**/*.ts", "**/frontend/**/*.js",
            "**/frontend/**/*.ts", "**/ui/**/*.js", "**/ui/**/*.ts", "**/webapp/**/*.js", "**/webapp/**/*.ts",
            // Laravel's front-end sources, which Vite or Mix bundle for the browser.
            "**/resources/js/**/*.js", "**/resources/js/**/*.ts", "**/resources/assets/js/**/*.js",
            "**/resources/assets/js/**/*.ts",
            // Asset pipelines' script folders (Symfony and plain PHP `assets/js/`, Rails Sprockets).
            "**/assets/js/**/*.js", "**/assets/js/**/*.ts", "**/app/assets/javascripts/**/*.js"),
        .docs: patterns(
            "docs/", "doc/", "Docs/", "documentation/", "examples/", "example/", "Examples/", "samples/",
            "sample/", "Samples/", "*.md", "*.mdx"),
    ]

    /// The part of `path` before its Maven/Gradle source set (`src/main/`), whose directories
    /// below are packages (a `samples` package there is code); nil outside one.
    static func sourceSetPrefix(_ path: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let marker = Array("src/main/".utf8)
        guard path.count >= marker.count else { return nil }
        for start in 0...(path.count - marker.count) where start == 0 || path[start - 1] == Byte.slash {
            if path[start..<(start + marker.count)].elementsEqual(marker) { return Array(path[..<start]) }
        }
        return nil
    }

    private static func patterns(_ texts: String...) -> [PathPattern] {
        texts.map { PathPattern($0)! }
    }

    /// How much of a file the line-length test reads.
    static let sampleLength = 64 * 1024
    /// A line longer than this is not written by hand.
    static let longLine = 5_000
    /// Lines this long on average are not written by hand either, in a sample of at least
    /// ``averageSampleMinimum`` bytes (a short file of one long statement is not minified).
    static let longAverage = 500
    static let averageSampleMinimum = 2_048
    /// How far from the top generated-code headers and licence banners are looked for.
    static let headerLength = 1_024

    /// The evidence of minification, `line of 880 KB` or `average line of 612 bytes`, or nil.
    static func minifiedLines(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer -> String? in
            let sample = min(buffer.count, sampleLength)
            var start = 0
            var lines = 0
            var longest = 0
            while start < sample {
                // The longest line is measured to its end, beyond the sample if need be, so the
                // reason tells how long it really is.
                let end = buffer[start...].firstIndex(of: Byte.newline) ?? buffer.count
                longest = max(longest, end - start)
                lines += 1
                start = end + 1
            }
            if longest > longLine { return "line of \(size(longest))" }
            guard sample >= averageSampleMinimum, lines > 0, sample / lines > longAverage else { return nil }
            return "average line of \(size(sample / lines))"
        }
    }

    /// The licence banner at the top of a script, as minifiers keep a library's (`/*! jQuery
    /// v3.7.1 | (c) OpenJS Foundation */`, or a first comment with `@license` or `@preserve`),
    /// quoted for the reason; nil when the file does not start with one.
    static func licenceBanner(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(headerLength)
        var start = head.startIndex
        if head[start...].starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        while start < head.endIndex, isSpace(head[start]) { start += 1 }
        guard head[start...].starts(with: [Byte.slash, Byte.star]) else { return nil }
        let commentEnd = firstRange(of: [Byte.star, Byte.slash], in: head[(start + 2)...]) ?? head.endIndex
        let comment = head[start..<commentEnd]
        guard comment.dropFirst(2).first == UInt8(ascii: "!") || firstRange(of: Array("@license".utf8), in: comment) != nil
            || firstRange(of: Array("@preserve".utf8), in: comment) != nil else { return nil }
        return "licence banner \(quoted(bannerTitle(comment)))"
    }

    /// The banner's first line that says something, usually the library and its version:
    /// comment markers and a bare `@license` or `@preserve` tag are passed over.
    private static func bannerTitle(_ comment: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let markers: Set<UInt8> = [Byte.slash, Byte.star, UInt8(ascii: "!"), Byte.space, UInt8(ascii: "\t"), Byte.carriageReturn]
        for line in comment.split(separator: Byte.newline) {
            let text = line.drop { markers.contains($0) }
            let bare = text.prefix { !markers.contains($0) }
            if text.isEmpty || (bare.count == text.count && (bare.elementsEqual("@license".utf8) || bare.elementsEqual("@preserve".utf8))) {
                continue
            }
            return text
        }
        return comment.prefix { $0 != Byte.newline }
    }

    /// The header that says a tool wrote the file, within its first KiB: `Code generated ... DO NOT
    /// EDIT`, `@generated`, or a comment line starting "Generated by", "Auto-generated", "This file
    /// was generated"; nil when there is none. A phrase inside a sentence ("ids are generated by
    /// the database") is not a header.
    static func generatedHeader(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(headerLength)
        if firstRange(of: Array("DO NOT EDIT".utf8), in: head) != nil { return "DO NOT EDIT header" }
        if firstRange(of: Array("@generated".utf8), in: head) != nil { return "@generated header" }
        var start = head.startIndex
        while start < head.endIndex {
            let end = head[start...].firstIndex(of: Byte.newline) ?? head.endIndex
            var text = head[start..<end]
            while let first = text.first, isSpace(first) || commentLeaders.contains(first) { text = text.dropFirst() }
            if generatedOpenings.contains(where: { startsCaseInsensitively(text, with: $0) }) {
                return "header \(quoted(text))"
            }
            start = end + 1
        }
        return nil
    }

    /// Whether a Go file imports the `testing` package within its first 64 KiB: outside
    /// `_test.go` files only test helpers do (`dbtest`, `httptest`-style packages take a
    /// `*testing.T`).
    static func importsGoTesting(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(65_536)
        guard let found = firstRange(of: Array("\"testing\"".utf8), in: head) else { return false }
        // On its own line in an import block, or right after `import`.
        var before = found
        while before > head.startIndex, head[before - 1] == Byte.space || head[before - 1] == UInt8(ascii: "\t") { before -= 1 }
        if before == head.startIndex || head[before - 1] == Byte.newline { return true }
        return head[..<before].suffix(6).elementsEqual("import".utf8)
    }

    /// What shows a script runs in the browser, within its first 64 KiB: a browser UI package it
    /// imports (`@codemirror/view`, `react`, `@angular/core`), `"use client"`, or two of the DOM's
    /// own APIs (`document.addEventListener`, `navigator.sendBeacon`); quoted for the reason, nil
    /// when there is none. Such a module runs in the browser wherever it sits (`web/src/…`,
    /// `src/recorder/…`). A file that imports `react-dom/server` renders on the server and is
    /// not claimed.
    static func browserCode(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(65_536)
        if firstRange(of: Array("react-dom/server".utf8), in: head) != nil { return nil }
        let apis = domAPIsUsed(in: head, upTo: 2)
        if apis.count >= 2 {
            return "uses " + apis.map { quoted($0[...]) }.joined(separator: ", ")
        }
        let top = head.prefix(headerLength)
        if firstRange(of: Array("\"use client\"".utf8), in: top) != nil || firstRange(of: Array("'use client'".utf8), in: top) != nil {
            return "`\"use client\"` directive"
        }
        for quote in [UInt8(ascii: "\""), UInt8(ascii: "'")] {
            var index = head.startIndex
            while let found = head[index...].firstIndex(of: quote) {
                index = found + 1
                guard isModuleSpecifierStart(head, quote: found) else { continue }
                let name = head[(found + 1)...].prefix { $0 != quote && $0 != Byte.newline }
                if browserPackages.contains(where: { package in
                    name.starts(with: package) && (name.count == package.count || package.last == Byte.slash
                        || package.last == Byte.dash || name[name.startIndex + package.count] == Byte.slash)
                }) {
                    return "imports " + quoted(name)
                }
            }
        }
        return nil
    }

    /// Up to `limit` distinct DOM APIs `head` uses, in the order of ``domAPIs``: one scan per global
    /// (`document.`), then a look at the member after each occurrence.
    private static func domAPIsUsed(in head: ArraySlice<UInt8>, upTo limit: Int) -> [[UInt8]] {
        var used: [[UInt8]] = []
        for (global, members) in domAPIs {
            var index = head.startIndex
            while used.count < limit, let found = firstRange(of: global, in: head[index...]) {
                let member = found + global.count
                for name in members where head[member...].starts(with: name) && !used.contains(global + name) {
                    used.append(global + name)
                }
                index = member
            }
        }
        return used
    }

    /// Members of the browser's globals that server code has no use for.
    private static let domAPIs: [(global: [UInt8], members: [[UInt8]])] = [
        ("document.", ["addEventListener", "querySelector", "getElementById", "createElement", "readyState", "visibilityState",
                       "cookie", "body"]),
        ("window.", ["addEventListener", "location", "localStorage", "sessionStorage"]),
        ("navigator.", ["sendBeacon", "userAgent"]),
        ("localStorage.", ["getItem", "setItem"]),
        ("sessionStorage.", ["getItem", "setItem"]),
    ].map { (Array($0.0.utf8), $0.1.map { Array($0.utf8) }) }

    /// Whether the quote at `quote` opens a module specifier: it follows `from`, `import` or
    /// `require(` (spaces between).
    private static func isModuleSpecifierStart(_ head: ArraySlice<UInt8>, quote: Int) -> Bool {
        var before = quote
        while before > head.startIndex, head[before - 1] == Byte.space { before -= 1 }
        let preceding = head[..<before]
        return preceding.suffix(4).elementsEqual("from".utf8) || preceding.suffix(6).elementsEqual("import".utf8)
            || preceding.suffix(8).elementsEqual("require(".utf8)
    }

    /// Packages only client code imports: UI frameworks and editor toolkits, and React Native and
    /// Expo for a mobile app's. A name ending in `/` is a scope whose every package counts, one
    /// ending in `-` a family (`expo-file-system`, `expo-iap`).
    private static let browserPackages: [[UInt8]] = [
        "react", "react-dom", "react-router", "react-router-dom", "preact", "vue", "vue-router", "svelte",
        "solid-js", "lit", "@angular/", "@codemirror/", "@mui/", "@tiptap/", "@vue/", "@sveltejs/",
        "react-native", "react-native-", "@react-native/", "@react-native-community/", "@react-navigation/", "expo", "expo-",
        "@expo/",
    ].map { Array($0.utf8) }

    /// Bytes that open comment lines and docstrings in the walked languages: `//`, `/*`, ` *`,
    /// `#`, `--`, `<!--`, `"""`.
    private static let commentLeaders: Set<UInt8> = [
        Byte.slash, Byte.star, Byte.hash, Byte.dash, UInt8(ascii: "<"), UInt8(ascii: "!"), UInt8(ascii: "\""),
    ]
    private static let generatedOpenings: [[UInt8]] = [
        "generated by", "code generated", "auto-generated", "autogenerated", "automatically generated",
        "this file was generated", "this file is generated", "this file was automatically generated",
        "this file is automatically generated", "this code was generated",
    ].map { Array($0.utf8) }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == Byte.space || byte == UInt8(ascii: "\t") || byte == Byte.newline || byte == Byte.carriageReturn
    }

    /// Whether `text` starts with `prefix` (lowercase ASCII), ignoring ASCII case.
    private static func startsCaseInsensitively(_ text: ArraySlice<UInt8>, with prefix: [UInt8]) -> Bool {
        guard text.count >= prefix.count else { return false }
        return zip(text, prefix).allSatisfy { byte, expected in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) == expected
        }
    }

    /// Where `needle` starts in `haystack`, or nil.
    static func firstRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        var index = haystack.startIndex
        while let found = haystack[index...].firstIndex(of: needle[0]) {
            if haystack[found...].starts(with: needle) { return found }
            index = found + 1
        }
        return nil
    }

    /// Up to 48 characters of `text` in back-ticks, for a reason line.
    private static func quoted(_ text: ArraySlice<UInt8>) -> String {
        var text = text
        while let last = text.last, isSpace(last) { text = text.dropLast() }
        let string = String(decoding: text, as: UTF8.self)
        return "`" + (string.count > 48 ? String(string.prefix(47)) + "…" : string) + "`"
    }

    /// `612 bytes`, `880 KB`, `1.2 MB` (decimal units, as file managers show sizes).
    private static func size(_ bytes: Int) -> String {
        if bytes < 1_000 { return "\(bytes) bytes" }
        if bytes < 1_000_000 { return "\((bytes + 500) / 1_000) KB" }
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
