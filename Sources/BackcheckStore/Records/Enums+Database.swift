import GRDB
import BackcheckModel

// Stored as their raw strings, which the schema's CHECK constraints list.
extension FindingStatus: DatabaseValueConvertible {}
extension ScanKind: DatabaseValueConvertible {}
extension ScanStatus: DatabaseValueConvertible {}
