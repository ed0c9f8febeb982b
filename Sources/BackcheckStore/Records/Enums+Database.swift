import GRDB
import BackcheckModel

// Stored as their raw strings, which the schema's CHECK constraints list (a file role's column
// has none, so a later role needs no table rebuild).
extension FindingStatus: DatabaseValueConvertible {}
extension ScanKind: DatabaseValueConvertible {}
extension ScanStatus: DatabaseValueConvertible {}
extension FileRole: DatabaseValueConvertible {}
