import GRDB
import PortalCore

// The domain values of PortalCore are the catalog's records: PortalCore stays free
// of GRDB, and these conformances name each one's table.

extension Modality: DatabaseValueConvertible {}
extension MediaType: DatabaseValueConvertible {}
extension Visibility: DatabaseValueConvertible {}
extension Sensitivity: DatabaseValueConvertible {}
extension Role: DatabaseValueConvertible {}
extension Permission: DatabaseValueConvertible {}
extension PrincipalKind: DatabaseValueConvertible {}
extension DatasetVersion.Origin: DatabaseValueConvertible {}
extension DatasetVersion.State: DatabaseValueConvertible {}
extension AccessRequest.State: DatabaseValueConvertible {}
extension Job.Kind: DatabaseValueConvertible {}
extension Job.State: DatabaseValueConvertible {}
extension Group.Kind: DatabaseValueConvertible {}

extension Dataset: FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "dataset"
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DatasetVersion: FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "dataset_version"
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SourceFile: FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "source_file"
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Sample: FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "sample"
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension User: FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "user"
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Group: FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "principal_group"
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Grant: FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "grant"
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AccessRequest: FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "access_request"
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Job: FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "job"
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AuditEvent: FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "audit_event"
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
