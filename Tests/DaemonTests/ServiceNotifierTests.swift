import Testing
import TestSupport
import BackcheckDaemon

@Suite struct ServiceNotifierTests {
    @Test(arguments: [false, true])
    func deliversEachMessageAsOneDatagram(abstract: Bool) throws {
        let listener = try DatagramListener(abstract: abstract)
        let notifier = try #require(ServiceNotifier(environment: ["NOTIFY_SOCKET": listener.address]))
        #expect(notifier.ready(status: "watching 2 roots\n12 files"))
        #expect(listener.receive() == "READY=1\nSTATUS=watching 2 roots 12 files")
        #expect(notifier.status("queue 3"))
        #expect(listener.receive() == "STATUS=queue 3")
        #expect(notifier.watchdog())
        #expect(listener.receive() == "WATCHDOG=1")
        #expect(notifier.stopping())
        #expect(listener.receive() == "STOPPING=1")
    }

    @Test func absentOrRelativeSocketMeansNoServiceManager() {
        #expect(ServiceNotifier(environment: [:]) == nil)
        #expect(ServiceNotifier(environment: ["NOTIFY_SOCKET": ""]) == nil)
        #expect(ServiceNotifier(environment: ["NOTIFY_SOCKET": "relative/sock"]) == nil)
        #expect(ServiceNotifier(environment: ["NOTIFY_SOCKET": "@"]) == nil)
    }

    @Test func unreachableSocketReportsFailure() throws {
        let notifier = try #require(ServiceNotifier(environment: ["NOTIFY_SOCKET": "/nonexistent/backcheck.sock"]))
        #expect(!notifier.watchdog())
    }

    @Test func watchdogIntervalIsHalfTheTimeoutForThisProcessOnly() throws {
        let base = ["NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": "30000000"]
        #expect(try #require(ServiceNotifier(environment: base, processID: 7)).watchdogInterval == .seconds(15))
        var ours = base
        ours["WATCHDOG_PID"] = "7"
        #expect(try #require(ServiceNotifier(environment: ours, processID: 7)).watchdogInterval == .seconds(15))
        var other = base
        other["WATCHDOG_PID"] = "8"
        #expect(try #require(ServiceNotifier(environment: other, processID: 7)).watchdogInterval == nil)
        #expect(try #require(ServiceNotifier(environment: ["NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": "0"])).watchdogInterval == nil)
    }
}
