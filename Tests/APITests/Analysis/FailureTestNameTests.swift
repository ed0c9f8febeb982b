@testable import BackcheckAPI
import Testing

@Suite struct FailureTestNameTests {
    @Test(arguments: [
        "test_it_rejects_special_characters", "test_it_does_not_save_nonstandard_nag_period", "returnsNotFoundForAMissingOrder",
        "shouldFailWithoutToken", "it returns 401 when unauthorized", "test_handles_missing_ping", "GetById_NotFound",
    ])
    func failureNames(name: String) {
        #expect(FailureTestName.names(name))
    }

    @Test(arguments: [
        "test_it_works", "test_it_saves_reports_monthly", "createsAnOrder", "test_notifies_the_owner",
        "test_lists_notifications", "shows the caller",
    ])
    func happyNames(name: String) {
        #expect(!FailureTestName.names(name))
    }
}
