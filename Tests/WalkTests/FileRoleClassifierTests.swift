import BackcheckModel
import BackcheckWalk
import Testing

/// Paths and first bytes → roles, per language's conventions; config entries over them.
@Suite struct FileRoleClassifierTests {
    static let byPath: [(String, FileRole)] = [
        ("app/views.py", .source),
        ("src/main/java/com/shop/UserService.java", .source),
        ("internal/payments/client.go", .source),
        ("latest_news.py", .source),
        ("contest/rules.rb", .source),
        ("app/testimonials.js", .source),
        ("settings.py", .source),
        ("example", .source),
        // tests
        ("tests/test_auth.py", .test),
        ("app/tests.py", .test),
        ("conftest.py", .test),
        ("test_views.py", .test),
        ("tools/test-performance.py", .test),
        ("views_test.py", .test),
        ("pkg/jwt/parser_test.go", .test),
        ("test/api/users.test.ts", .test),
        ("web/src/App.spec.tsx", .test),
        ("client/__tests__/api.js", .test),
        ("src/test/java/com/shop/UserServiceTest.java", .test),
        ("app/src/UserServiceTest.kt", .test),
        ("Shop.Tests/OrdersTests.cs", .test),
        ("spec/models/user_spec.rb", .test),
        ("tests/Unit/PasswordTest.php", .test),
        ("Tests/ShopTests/RoutesTests.swift", .test),
        ("Sources/ShopTests/Helpers.swift", .test),
        ("pkg/testdata/vectors.go", .test),
        ("e2e/login.js", .test),
        ("app/utilities/testing/views.py", .test),
        ("internal/testutil/db.go", .test),
        // fixtures
        ("fixtures/users.py", .fixture),
        ("src/__fixtures__/token.js", .fixture),
        ("database/factories/UserFactory.php", .fixture),
        ("database/seeders/AdminSeeder.php", .fixture),
        ("db/seeds.rb", .fixture),
        ("app/mocks/client.go", .fixture),
        ("src/__mocks__/stripe.js", .fixture),
        // docs
        ("docs/conf.py", .docs),
        ("doc/example.go", .docs),
        ("examples/basic/main.go", .docs),
        ("Examples/shop-backend/app/auth.py", .docs),
        ("samples/client.js", .docs),
        // migrations
        ("shop/migrations/0002_orders.py", .migration),
        ("db/migrate/20240101_create_users.rb", .migration),
        ("alembic/versions/4f2e_add_index.py", .migration),
        ("database/migrations/2024_01_01_create_users.php", .migration),
        ("src/main/resources/db/migration/V1__init.sql", .migration),
        ("sql/V12__add_orders.sql", .migration),
        ("migrate/001_users.up.sql", .migration),
        ("internal/database/migrations.go", .migration),
        // generated
        ("api/v1/user.pb.go", .generated),
        ("proto/user_pb2.py", .generated),
        ("lib/models/user.g.dart", .generated),
        ("Forms/Main.Designer.cs", .generated),
        ("pkg/apis/zz_generated.deepcopy.go", .generated),
        // vendored
        ("vendor/github.com/x/y.go", .vendored),
        ("web/node_modules/lodash/index.js", .vendored),
        ("third_party/lib.py", .vendored),
        ("static/js/libs/ace/ace.js", .vendored),
        ("shop/static/plugins/datepicker/picker.js", .vendored),
        ("assets/vendor/chart.js", .vendored),
        ("public/js/jquery-3.6.0.js", .vendored),
        ("public/js/bootstrap.bundle.js", .vendored),
        ("bower_components/angular/angular.js", .vendored),
        ("public/plugins/pdfjs-5.2.133/web/viewer.mjs", .vendored),
        ("client/app/pages/queries/QuerySource.jsx", .frontend),
        ("client/app/components/items-list/ItemsSource.js", .frontend),
        ("ui/packages/editor/src/commands.ts", .frontend),
        ("internal/client/http.go", .source),
        ("app/components/Button.tsx", .frontend),
        ("resources/assets/js/services/downloadService.ts", .frontend),
        ("resources/js/app.js", .frontend),
        ("assets/js/components/text-editor.js", .frontend),
        ("app/assets/javascripts/application.js", .frontend),
        ("app/components/Button.test.tsx", .test),
        ("Jellyfin.Server/Migrations/Routines/MergePeople.cs", .migration),
        ("db/old_migrations/20241106_tidy.rb", .migration),
        ("web/assets/chartjs-4.4.1/chart.umd.js", .vendored),
        ("internal/release-notes.go", .source),
        ("wger/settings/ci.py", .fixture),
        ("config/settings/development.py", .fixture),
        ("config/environments/test.rb", .fixture),
        ("config/settings/production.py", .source),
        ("config/environments/production.rb", .source),
        ("packages/prisma/seed.js", .fixture),
        // minified
        ("public/app.min.js", .minified),
        ("public/app-min.js", .minified),
        // precedence: who wrote it beats where it sits; test beats fixture, migration, docs
        ("tests/node_modules/x.js", .vendored),
        ("vendor/app.min.js", .vendored),
        ("tests/fixtures/users.py", .test),
        ("docs/tests/test_examples.py", .test),
        ("examples/migrations/0001.py", .migration),
        // a package named samples or examples in a Maven/Gradle source set is code
        ("src/main/java/org/acme/samples/petshop/OwnerController.java", .source),
        ("api/src/main/kotlin/io/acme/examples/Routes.kt", .source),
        ("src/main/java/org/acme/samples/README.md", .docs),
        ("samples/src/main/java/App.java", .docs),
        ("src/test/java/org/acme/samples/OwnerTests.java", .test),
    ]

    @Test(arguments: byPath)
    func pathConventions(path: String, role: FileRole) {
        #expect(FileRoleClassifier().classify(path: path).role == role, "\(path)")
    }

    static let byContent: [(name: String, code: String, language: Language, role: FileRole, evidence: String)] = [
        ("jQuery banner", "/*! jQuery v3.7.1 | (c) OpenJS Foundation and other contributors */\n!function(e){}", .javascript,
         .vendored, "licence banner `jQuery v3.7.1 | (c) OpenJS Foundation and other…`"),
        ("@license comment", "/**\n * @license\n * Lodash <https://lodash.com/>\n */\n;(function() {})", .javascript,
         .vendored, "licence banner `Lodash <https://lodash.com/>`"),
        ("project licence header in Java", "/*\n * @license Apache-2.0\n */\npackage shop;\n", .java, .source, ""),
        ("Go generated", "// Code generated by protoc-gen-go. DO NOT EDIT.\npackage v1\n", .go, .generated, "DO NOT EDIT header"),
        ("@generated", "/**\n * @generated SignedSource<<abc>>\n */\nexport const x = 1\n", .typescript, .generated, "@generated header"),
        ("generated by", "# Generated by the protocol buffer compiler.\nimport x\n", .python, .generated,
         "header `Generated by the protocol buffer compiler.`"),
        ("autogenerated docstring", "\"\"\"Auto-generated client for the billing API.\"\"\"\nimport x\n", .python, .generated,
         "header `Auto-generated client for the billing API.\"\"\"`"),
        ("phrase in a sentence", "# Order ids are generated by the database.\nid = None\n", .python, .source, ""),
        ("phrase late in the file", String(repeating: "x = 1\n", count: 200) + "# DO NOT EDIT\n", .python, .source, ""),
        ("one very long line", "var a=1;" + String(repeating: "function f(){try{g()}catch(e){}};", count: 300) + "\n", .javascript,
         .minified, "line of 10 KB"),
        ("long average", String(repeating: String(repeating: "a=1;", count: 150) + "\n", count: 10), .javascript,
         .minified, "average line of 601 bytes"),
        ("short one-liner", "module.exports = {" + String(repeating: "a: 1, ", count: 100) + "}\n", .javascript, .source, ""),
        ("ordinary code", String(repeating: "def f(x):\n    return x + 1\n", count: 500), .python, .source, ""),
        ("editor toolkit import", "import { syntaxTree } from \"@codemirror/language\";\nexport const bold = 1\n", .typescript,
         .frontend, "imports `@codemirror/language`"),
        ("Angular service", "import { Injectable } from '@angular/core'\n@Injectable() export class Toasts {}\n", .typescript,
         .frontend, "imports `@angular/core`"),
        ("React hook", "const { useState } = require(\"react\");\n", .javascript, .frontend, "imports `react`"),
        ("client directive", "\"use client\";\nexport default function Page() {}\n", .typescript, .frontend,
         "`\"use client\"` directive"),
        ("server-side rendering", "import React from \"react\";\nimport { renderToString } from \"react-dom/server\";\n",
         .typescript, .source, ""),
        ("package named like one", "import reactive from \"reactive-db\";\nimport x from \"lit-cache\";\n", .javascript, .source, ""),
        ("Expo module", "import * as FileSystem from \"expo-file-system/legacy\";\nexport const dir = 1\n", .typescript, .frontend,
         "imports `expo-file-system/legacy`"),
        ("React Native", "import { Platform } from 'react-native';\n", .typescript, .frontend, "imports `react-native`"),
        ("a package named expo-like", "import x from \"exponential-backoff\";\n", .typescript, .source, ""),
        ("DOM script", "(window => {\n  document.addEventListener(\"visibilitychange\", flush);\n  if (document.readyState === \"complete\") start();\n})(window);\n",
         .javascript, .frontend, "uses `document.addEventListener`, `document.readyState`"),
        ("one DOM mention", "// server side: no document.cookie here\nmodule.exports = render;\n", .javascript, .source, ""),
        ("the name as a string", "const framework = \"react\";\n", .javascript, .source, ""),
        ("numbered schema upgrades", "<?php\nfunction version_130(PDO $pdo) {}\nfunction version_129(PDO $pdo) {}\nfunction version_128(PDO $pdo) {}\n",
         .php, .migration, "declares numbered migrations (`version_130`, …)"),
        ("Go migration list", "package db\nfunc migrate1(tx *sql.Tx) error { return nil }\nfunc migrate2(tx *sql.Tx) error { return nil }\nfunc migrate3_add_index(tx *sql.Tx) error { return nil }\n",
         .go, .migration, "declares numbered migrations (`migrate1`, …)"),
        ("two upgrades and a versioned API", "def upgrade_1():\n    pass\ndef upgrade_2():\n    pass\ndef version_api():\n    pass\ndef myversion_3():\n    pass\n",
         .python, .source, ""),
        ("SQL dump lines", "INSERT INTO t VALUES " + String(repeating: "(1, 'x'), ", count: 1_000) + ";\n", .sql, .source, ""),
    ]

    @Test(arguments: byContent.indices)
    func contentSigns(index: Int) {
        let sample = Self.byContent[index]
        let match = FileRoleClassifier().classify(path: "src/file", language: sample.language, bytes: Array(sample.code.utf8))
        #expect(match.role == sample.role, "\(sample.name)")
        #expect(match.evidence == sample.evidence, "\(sample.name)")
    }

    @Test func minifiedReasonMeasuresTheWholeLine() {
        let line = Array(repeating: UInt8(ascii: "a"), count: 880_000)
        let match = FileRoleClassifier().classify(path: "static/app.js", language: .javascript, bytes: line)
        #expect(match.description == "minified (line of 880 KB)")
    }

    @Test func filesBelowAThirdPartyDirectoryAreVendored() {
        var classifier = FileRoleClassifier()
        classifier.thirdPartyDirectories = ["libs/querykit": "own licence libs/querykit/LICENSE"]
        #expect(classifier.classify(path: "libs/querykit/src/Db.php").description == "vendored (own licence libs/querykit/LICENSE)")
        #expect(classifier.classify(path: "libs/querykit-extra/Db.php").role == .source)
        #expect(classifier.classify(path: "libs/Db.php").role == .source)
    }

    @Test func pathEvidenceIsTheConvention() {
        #expect(FileRoleClassifier().classify(path: "web/node_modules/x.js").description == "vendored (node_modules/)")
        #expect(FileRoleClassifier().classify(path: "app.py").description == "source")
    }

    @Test func migrationsKeepTheirRoleUnderAFrameworkHeader() {
        let code = Array("# Generated by Django 4.2.1 on 2023-05-01 12:00\nfrom django.db import migrations\n".utf8)
        #expect(FileRoleClassifier().classify(path: "shop/migrations/0001_initial.py", language: .python, bytes: code).role == .migration)
        #expect(FileRoleClassifier().classify(path: "shop/models.py", language: .python, bytes: code).role == .generated)
    }

    @Test func configEntriesWinAndTheLastOneWins() throws {
        let classifier = FileRoleClassifier(overrides: [
            FileRoleOverride(pattern: try #require(PathPattern("web/legacy/**")), role: .vendored),
            FileRoleOverride(pattern: try #require(PathPattern("tests/helpers/real_client.py")), role: .source),
            FileRoleOverride(pattern: try #require(PathPattern("web/legacy/keep/")), role: .source),
        ])
        #expect(classifier.classify(path: "web/legacy/app.js").description == "vendored (config roles: web/legacy/**)")
        #expect(classifier.classify(path: "web/legacy/keep/app.js").role == .source)
        #expect(classifier.classify(path: "tests/helpers/real_client.py").role == .source)
        #expect(classifier.classify(path: "tests/helpers/other.py").role == .test)
        // Content signs do not overrule config either.
        let minified = Array(repeating: UInt8(ascii: "a"), count: 10_000)
        #expect(classifier.classify(path: "tests/helpers/real_client.py", language: .python, bytes: minified).role == .source)
    }
}
