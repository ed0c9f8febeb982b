/// The findings `backcheck audit Examples/shop-backend` must report: `path:line rule-id`.
enum ExpectedFindings {
    static let shopBackend: Set<String> = []
}
