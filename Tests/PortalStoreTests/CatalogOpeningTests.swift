import Foundation
import GRDB
import PortalCore
import PortalTesting
import Testing

@testable import PortalStore

struct CatalogOpeningTests {
  @Test func aNewCatalogIsMigratedFromEmptyInWALWithDurableWrites() throws {
    let dir = try TemporaryDirectory("open")
    defer { dir.remove() }
    let catalog = try Catalog(location: CatalogLocation(directory: dir.appending("c")), create: true)
    #expect(try catalog.writerSynchronous() == 2)  // FULL
    let (mode, foreignKeys, timeout, tables) = try catalog.read { db in
      (
        try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
        try Int.fetchOne(db, sql: "PRAGMA busy_timeout"),
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      )
    }
    #expect(mode == "wal")
    #expect(foreignKeys == 1)
    #expect((timeout ?? 0) >= 5000)
    for table in [
      "dataset", "dataset_version", "sample", "source_file", "grant", "access_request", "job",
      "audit_event", "user", "principal_group", "dataset_fts", "sample_fts", "signoff", "organisation",
    ] {
      #expect(tables.contains(table), "missing table \(table)")
    }
    #expect(try catalog.integrityCheck() == "ok")
  }

  @Test func theCatalogDirectoryAndDatabaseAreOwnerOnly() throws {
    let dir = try TemporaryDirectory("perm")
    defer { dir.remove() }
    let location = CatalogLocation(directory: dir.appending("c"))
    _ = try Catalog(location: location, create: true)
    let dirMode = try FileManager.default.attributesOfItem(atPath: location.directory.path)[.posixPermissions] as? Int
    let dbMode = try FileManager.default.attributesOfItem(atPath: location.databaseURL.path)[.posixPermissions] as? Int
    #expect(dirMode == 0o700)
    #expect(dbMode == 0o600)
  }

  @Test func openingWithoutACatalogSaysHowToCreateOne() throws {
    let dir = try TemporaryDirectory("none")
    defer { dir.remove() }
    #expect(throws: StoreError.notACatalog(path: dir.appending("c").standardizedFileURL.path)) {
      try Catalog(location: CatalogLocation(directory: dir.appending("c")))
    }
  }

  @Test func aFileThatIsNotSQLiteIsRefusedClearly() throws {
    let dir = try TemporaryDirectory("garbage")
    defer { dir.remove() }
    try dir.write(String(repeating: "not a database ", count: 500), to: "c/catalog.sqlite")
    #expect {
      try Catalog(location: CatalogLocation(directory: dir.appending("c")))
    } throws: { error in
      (error as? StoreError)?.description.contains("not a Partner Portal catalog") == true
    }
  }

  @Test func networkFilesystemsAreRecognisedFromMountinfo() {
    let mountinfo = """
      22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/vda rw
      40 22 0:35 / /srv/shared rw,relatime shared:20 - nfs4 server:/export rw,vers=4.2
      41 40 0:36 / /srv/shared/local\\040disk rw - ext4 /dev/vdb rw
      """
    #expect(FilesystemCheck.filesystemType(of: "/home/u/catalog", mountinfo: mountinfo) == "ext4")
    #expect(FilesystemCheck.filesystemType(of: "/srv/shared/portal", mountinfo: mountinfo) == "nfs4")
    #expect(FilesystemCheck.filesystemType(of: "/srv/shared/local disk/x", mountinfo: mountinfo) == "ext4")
    #expect(FilesystemCheck.filesystemType(of: "/srv/sharedness", mountinfo: mountinfo) == "ext4")
    #expect(FilesystemCheck.networkTypes.contains("nfs4"))
  }
}
