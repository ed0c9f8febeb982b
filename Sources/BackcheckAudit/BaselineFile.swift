import BackcheckReport
import Foundation

/// `--baseline FILE`: the fingerprints of a previous `backcheck audit --format json` or
/// `--format sarif` output. Findings whose fingerprint it lists are not new.
public struct BaselineFile: Sendable {
    public let path: String
    public let fingerprints: Set<String>

    /// Reads `path`; the format is recognised from the content.
    public init(path: String) throws(AuditError) {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .baseline(path, "cannot be read; pass a report written by `backcheck audit --format json|sarif`")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw .baseline(path, "is not JSON; pass a report written by `backcheck audit --format json|sarif`")
        }
        if let runs = object["runs"] as? [[String: Any]] {
            let results = runs.flatMap { $0["results"] as? [[String: Any]] ?? [] }
            fingerprints = Set(results.compactMap {
                ($0["partialFingerprints"] as? [String: String])?[SARIFReportFormatter.fingerprintKey]
            })
        } else if let findings = object["findings"] as? [[String: Any]] {
            fingerprints = Set(findings.compactMap { $0["fingerprint"] as? String })
        } else {
            throw .baseline(path, "has neither `runs` (SARIF) nor `findings` (backcheck JSON)")
        }
    }
}
