@testable import BackcheckAPI
import Testing

@Suite struct APISettingsTests {
    @Test func everyDocumentDescribesEveryRouteUnlessServicesAreMapped() {
        #expect(APISettings().describes(document: "docs/openapi.yaml", file: "services/billing/app.py"))
        let settings = APISettings(services: [
            "services/billing": "services/billing/openapi.yaml",
            "services/billing/admin": "docs/admin.yaml",
        ])
        #expect(settings.describes(document: "services/billing/openapi.yaml", file: "services/billing/app.py"))
        #expect(!settings.describes(document: "docs/admin.yaml", file: "services/billing/app.py"))
        #expect(settings.describes(document: "docs/admin.yaml", file: "services/billing/admin/views.py"), "the deepest directory wins")
        #expect(!settings.describes(document: "services/billing/openapi.yaml", file: "services/billing/admin/views.py"))
        #expect(!settings.describes(document: "services/billing/openapi.yaml", file: "services/billingx/app.py"))
        // Files outside every mapped directory: documents mapped to none describe them.
        #expect(settings.describes(document: "openapi.yaml", file: "gateway/routes.js"))
        #expect(!settings.describes(document: "docs/admin.yaml", file: "gateway/routes.js"))
    }
}
