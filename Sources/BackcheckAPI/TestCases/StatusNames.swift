/// HTTP statuses that test code spells by name: `HTTP_404_NOT_FOUND`, `status.HTTP_201_CREATED`,
/// `http.StatusNotFound`, `HttpStatus.NOT_FOUND`, `HttpStatusCode.NotFound`, `isNotFound()`,
/// `assertNotFound()`, `have_http_status(:not_found)`, `.notFound`, `HttpStatus.SC_NOT_FOUND`.
enum StatusNames {
    /// Canonical reason phrases, lower-cased with separators removed.
    static let codes: [String: Int] = [
        "ok": 200, "created": 201, "accepted": 202, "nocontent": 204,
        "movedpermanently": 301, "found": 302, "movedtemporarily": 302, "seeother": 303, "notmodified": 304, "redirect": 302,
        "temporaryredirect": 307, "permanentredirect": 308,
        "badrequest": 400, "unauthorized": 401, "paymentrequired": 402, "forbidden": 403, "notfound": 404,
        "methodnotallowed": 405, "notacceptable": 406, "conflict": 409, "gone": 410, "preconditionfailed": 412,
        "payloadtoolarge": 413, "unsupportedmediatype": 415, "unprocessableentity": 422, "unprocessable": 422,
        "unprocessablecontent": 422, "toomanyrequests": 429,
        "internalservererror": 500, "servererror": 500, "notimplemented": 501, "badgateway": 502,
        "serviceunavailable": 503, "gatewaytimeout": 504,
        // A project's own assertion helpers for a refusal (`assertPermissionError($resp)`,
        // `assertAccessDenied()`), named for what the response means rather than its code.
        "permissionerror": 403, "permissiondenied": 403, "accessdenied": 403, "unauthenticated": 401,
        "validationerror": 422, "resourcenotfound": 404, "modelnotfound": 404,
        // Laravel's validation assertions: `assertInvalid(['email'])`, `assertJsonValidationErrors`,
        // and a form's redirect back with errors (`assertSessionHasErrors`).
        "invalid": 422, "jsonvalidationerrors": 422, "jsonvalidationerrorfor": 422, "sessionhaserrors": 302,
    ]

    /// Matchers that check a redirect without naming its status: RSpec and Minitest
    /// (`redirect_to`, `assert_redirected_to`), Django (`assertRedirects`), Laravel
    /// (`assertRedirect`, `assertRedirectToRoute`), Spring MockMvc (`redirectedUrl`).
    static let redirectMatchers: Set<String> = ["redirect_to", "assert_redirected_to", "assertRedirects", "assertRedirect",
                                                "assertRedirectToRoute", "redirectedUrl", "redirectedUrlPattern"]

    /// The status the identifier at `index` names, or nil.
    static func code(of name: String, at index: Int, in source: SourceTokens) -> Int? {
        if redirectMatchers.contains(name), source.is(index + 1, "(") || source.file.language == .ruby { return 302 }
        // Ruby symbols lex as one identifier: `have_http_status(:not_found)`.
        if name.hasPrefix(":"), name.count > 1 { return codes[normalized(name.dropFirst())] }
        // HTTP_404_NOT_FOUND (Django REST framework, Starlette).
        if name.hasPrefix("HTTP_"), name.count >= 8, let code = Int(name.dropFirst(5).prefix(3)), (100...599).contains(code) {
            return code
        }
        var word = Substring(name)
        // `SC_NOT_FOUND`: the servlet API's and Apache HttpCore's constants.
        for prefix in ["Status", "assert", "is", "status", "HTTP", "SC_"] where word.hasPrefix(prefix) && word.count > prefix.count {
            let rest = word.dropFirst(prefix.count)
            guard rest.first?.isUppercase == true || rest.first == "_" else { continue }
            word = rest
            break
        }
        guard let code = codes[normalized(word)] else { return nil }
        // A bare `ok`/`found`/`created` is a variable name unless it sits where statuses do.
        if word.count == name.count {
            let qualified = source.is(index - 1, ".") && isStatusQualifier(source.text(index - 2))
            let swiftMember = source.is(index - 1, ".") && source.file.language == .swift && !source.isIdentifier(index - 2)
            guard qualified || swiftMember || isUpperSnake(name) && source.is(index - 1, ".") else { return nil }
        } else if name.hasPrefix("is") || name.hasPrefix("assert") {
            // isNotFound() / assertNotFound(): calls.
            guard source.is(index + 1, "(") else { return nil }
        }
        return code
    }

    private static func isStatusQualifier(_ receiver: String) -> Bool {
        let lower = receiver.lowercased()
        return lower.contains("status") || lower == "http" || lower == "response"
    }

    private static func isUpperSnake(_ name: String) -> Bool {
        name.allSatisfy { $0.isUppercase || $0 == "_" }
    }

    private static func normalized(_ word: Substring) -> String {
        String(word.lowercased().filter { $0 != "_" })
    }
}
