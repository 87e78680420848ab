import Foundation
import PortalTesting
import Testing

/// The authorisation matrix through the real binary run as separate OS accounts
/// (throwaway accounts made with useradd; needs root, as in CI). The Portal half of
/// the matrix is in PortalTests/AuthorizationMatrixTests; both front ends agree
/// because both only use `Portal`.
struct OSUserMatrixTests {
  enum GrantState: String, CaseIterable { case none, active, expired, revoked }

  @Test(
    .enabled(
      if: OSAccounts.available,
      "skipped: creating throwaway OS accounts (useradd) and running portal as them needs root"))
  func eachOSAccountGetsTheAnswerItsRoleAndGrantsGive() throws {
    let catalog = try CLICatalog("cli-os-matrix")
    defer { catalog.remove() }
    let accounts = try OSAccounts(["s", "r", "v"])
    defer { accounts.remove() }
    let roles = ["s": "steward", "r": "reviewer", "v": "viewer"]
    for (key, role) in roles { try catalog.ok(["user", "add", accounts[key], "--role", role]) }
    var cells: [(slug: String, visibility: String, grant: GrantState)] = []
    for visibility in ["private", "public-pending", "public"] {
      for grant in GrantState.allCases {
        let slug = try catalog.dataset("\(visibility) \(grant.rawValue)")
        try catalog.ok(["edit", slug, "--sensitivity", "restricted"])
        if visibility != "private" {
          try catalog.ok(["edit", slug, "--description", "notes", "--language", "en", "--licence", "CC-BY-4.0"])
          try catalog.ok(["request-publication", slug, "--yes"])
        }
        for key in roles.keys where grant == .active || grant == .revoked {
          try catalog.ok(["grant", slug, "--to", "user:\(accounts[key])", "--permission", "preview", "--yes"])
          if grant == .revoked {
            try catalog.ok(["revoke", slug, "--from", "user:\(accounts[key])", "--permission", "preview", "--yes"])
          }
        }
        cells.append((slug, visibility, grant))
      }
    }
    // Grants that expire a few seconds from now, made last so they all run out soon.
    let soon = ISO8601DateFormatter().string(from: Date().addingTimeInterval(6))
    for cell in cells where cell.grant == .expired {
      for key in roles.keys {
        try catalog.ok([
          "grant", cell.slug, "--to", "user:\(accounts[key])", "--permission", "preview", "--expires", soon, "--yes",
        ])
      }
    }
    try catalog.ok(["group", "add", "lab:evaluation"])
    try OSAccounts.share(catalog.home)
    // Publishing needs a clean PII scan (inserted as the worker will) and a reviewer's sign-off.
    for cell in cells where cell.visibility == "public" {
      try catalog.sqlite3(
        """
        INSERT INTO pii_scan (dataset_id, version_id, samples_scanned, findings, scanned_at)
        SELECT id, current_version_id, 9, 0, '2026-01-01 00:00:00.000' FROM dataset WHERE slug = '\(cell.slug)';
        """)
      let signed = try accounts.run("r", ["signoff", cell.slug], home: catalog.home)
      #expect(signed.status == 0, "\(signed.stderr)")
      try catalog.ok(["publish", cell.slug, "--confirm-irreversible", "--yes"])
    }
    try OSAccounts.share(catalog.home)
    // Wait (polling, with a deadline) until the short grants have expired.
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline,
      try catalog.ok(["grants", "--expiring", "--json"]).stdout.contains("\"active\"")
    {
      usleep(100_000)  // poll interval
    }
    for key in ["s", "r", "v"] {
      let listed = try accounts.run(key, ["datasets", "list", "--json"], home: catalog.home)
      #expect(listed.status == 0, "\(listed.stderr)")
      for cell in cells {
        let staff = key == "s"
        let active = cell.grant == .active
        let discover = staff || cell.visibility != "private" || active
        let preview =
          staff || cell.visibility == "public" || (cell.visibility == "public-pending" && key == "r") || active
        #expect(listed.stdout.contains("\"\(cell.slug)\"") == discover, "\(roles[key] ?? key) list \(cell.slug)")
        let samples = try accounts.run(key, ["samples", cell.slug, "--json"], home: catalog.home)
        #expect((samples.status == 0) == preview, "\(roles[key] ?? key) preview \(cell.slug): \(samples.stderr)")
        let edit = try accounts.run(key, ["edit", cell.slug, "--contact", "x@example.org"], home: catalog.home)
        #expect((edit.status == 0) == staff, "\(roles[key] ?? key) edit \(cell.slug): \(edit.stderr)")
      }
    }
    try checkWriteSlice(catalog: catalog, accounts: accounts, cells: cells)
    let verify = try catalog.ok(["audit", "verify"])
    #expect(verify.stdout.contains("intact"))
    let stewardEdits = try catalog.ok(["audit", "list", "--actor", accounts["s"], "--action", "dataset.edit", "--json"])
    #expect(stewardEdits.stdout.components(separatedBy: "\"hash\"").count - 1 == cells.count)
  }

  /// A representative slice of the rest of the matrix as OS accounts: export
  /// (download), grant, sign-off and remove, on datasets with no grant and with an
  /// active one, in every state. Expectations are written out by hand.
  private func checkWriteSlice(
    catalog: CLICatalog, accounts: OSAccounts, cells: [(slug: String, visibility: String, grant: GrantState)]
  ) throws {
    let exports = catalog.dir.appending("exports").path
    try FileManager.default.createDirectory(
      atPath: exports, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o1777])
    let permissions = ["s": "evaluate", "r": "train", "v": "download"]
    for key in ["s", "r", "v"] {
      for cell in cells where cell.grant == .none || cell.grant == .active {
        let isPublic = cell.visibility == "public"
        let canPreview =
          key == "s" || isPublic || (cell.visibility == "public-pending" && key == "r") || cell.grant == .active
        let label = "\(key) \(cell.slug)"
        let export = try accounts.run(
          key, ["export", cell.slug, "--to", "\(exports)/\(key)-\(cell.slug)", "--private-terms", "--copy"],
          home: catalog.home)
        #expect((export.status == 0) == (key == "s" || isPublic), "\(label) export: \(export.stderr)")
        let grant = try accounts.run(
          key,
          [
            "grant", cell.slug, "--to", "lab:evaluation", "--permission", permissions[key] ?? "discover", "--yes",
          ], home: catalog.home)
        #expect((grant.status == 0) == (key == "s"), "\(label) grant: \(grant.stderr)")
        let signoff = try accounts.run(key, ["signoff", cell.slug], home: catalog.home)
        let signed = signoff.status == 0 || signoff.stderr.contains("sign-off is for datasets pending publication")
        #expect(signed == (key == "r" && canPreview), "\(label) signoff: \(signoff.stderr)")
        let remove = try accounts.run(key, ["remove", cell.slug, "--confirm", "not-the-slug"], home: catalog.home)
        #expect(remove.status != 0)
        // Only owners (and a dataset's own owner) get past the check to the confirmation.
        #expect(!remove.stderr.contains("confirm with its slug"), "\(label) remove: \(remove.stderr)")
      }
    }
    // The catalog's owner does get past it (so the refusals above are the policy's).
    let owner = try PortalBinary.run(["remove", cells[0].slug, "--confirm", "not-the-slug"], home: catalog.home)
    #expect(owner.status != 0 && owner.stderr.contains("confirm with its slug"), "\(owner.stderr)")
  }
}
