import Foundation
import PortalTesting
import Testing

/// Reliability scenario 8, CI-sized: eight portal processes writing to one catalog at
/// once while a worker runs. Nothing may be lost, no "database is locked" may reach a
/// user, the audit chain must hold and the WAL must stay bounded. (Write latency is a
/// speed figure: benchmarks report it, not this test.)
struct ContentionTests {
  @Test func eightProcessesAndAWorkerWriteWithoutLossOrLockErrors() throws {
    let dir = try TemporaryDirectory("contention")
    defer { dir.remove() }
    let home = dir.appending("catalog").path
    #expect(try PortalBinary.run(["init"], home: home).status == 0)
    for index in 0..<4 { try dir.write("document \(index)\n", to: "data/d\(index).txt") }
    #expect(try PortalBinary.run(["import", dir.appending("data").path, "--name", "Shared"], home: home).status == 0)
    let environment = PortalBinary.environment(home: home)
    let worker = try Shell.start(PortalBinary.path, ["worker", "--quiet"], environment: environment)
    defer {
      kill(worker.pid, SIGTERM)
      _ = worker.wait()
    }
    // Each writer adds its own tags one command at a time; readers list in between.
    let rounds = 6
    var writers: [Shell.Running] = []
    for writer in 0..<8 {
      let script = (0..<rounds).map { round in
        "\(PortalBinary.path) tag shared --tag-add w\(writer)r\(round) --yes >/dev/null && "
          + "\(PortalBinary.path) datasets list --json >/dev/null"
      }.joined(separator: " && ")
      writers.append(try Shell.start("/bin/sh", ["-c", script], environment: environment))
    }
    let clean = try PortalBinary.run(["clean", "shared", "--steps", "normalize"], home: home)
    #expect(clean.status == 0, "\(clean.stderr)")
    for (index, writer) in writers.enumerated() {
      let result = writer.wait()
      #expect(result.status == 0, "writer \(index): \(result.stderr)")
      #expect(!result.stderr.localizedCaseInsensitiveContains("locked"))
    }
    let show = try PortalBinary.run(["datasets", "show", "shared", "--json"], home: home)
    for writer in 0..<8 {
      for round in 0..<rounds { #expect(show.stdout.contains("\"w\(writer)r\(round)\""), "lost w\(writer)r\(round)") }
    }
    let verify = try PortalBinary.run(["audit", "verify"], home: home)
    #expect(verify.status == 0, "\(verify.stdout)")
    let wal = (try? FileManager.default.attributesOfItem(atPath: home + "/catalog.sqlite-wal")[.size] as? Int) ?? 0
    #expect(wal < 64 << 20, "WAL grew to \(wal) bytes")
  }
}
