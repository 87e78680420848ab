import Foundation
import PortalMedia
import PortalStore
import Synchronization

/// The walk of an import's roots, on a thread of its own, feeding the importer as it
/// goes. One root streams in path order (`DirectoryWalker.walk(_:found:)`); several are
/// walked whole first, since their files interleave by relative path.
final class ImportWalk: Sendable {
  private let roots: [String]
  private let options: DirectoryWalker.Options
  private let feed = ImportFeed()
  private let done = DispatchSemaphore(value: 0)
  private let problems = Mutex<[FileProblem]>([])

  init(roots: [String], options: DirectoryWalker.Options) {
    self.roots = roots
    self.options = options
  }

  /// Starts the walk; its files arrive in the returned feed.
  func start() -> ImportFeed {
    let thread = Thread { [self] in
      let walker = DirectoryWalker(options: options)
      let found = PhaseTimings.measure("session.walk") { () -> [FileProblem] in
        if roots.count == 1 {
          return walker.walk(roots[0]) { entries in feed.append(entries.map { .analyse($0) }) }
        }
        let result = walker.walk(roots)
        feed.append(result.entries.map { .analyse($0) })
        return result.problems
      }
      problems.withLock { $0 = found }
      feed.finish()
      done.signal()
    }
    thread.name = "portal.import.walk"
    thread.start()
    return feed
  }

  /// Waits for the walk to end: what it could not use, and how many files it found.
  func finished() -> (problems: [FileProblem], files: Int) {
    done.wait()
    done.signal()
    return (problems.withLock { $0 }, feed.totals.files)
  }
}
