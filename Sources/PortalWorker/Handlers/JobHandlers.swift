import Foundation
import PortalCore
import PortalStore

/// The handlers a worker runs, by job kind.
public enum JobHandlers {
  /// Makes the default transcription engine (pocketsphinx) for a job.
  public static let pocketSphinx: @Sendable (WorkerOptions) throws -> any TranscriptionEngine = { options in
    try PocketSphinxEngine(timeout: options.toolTimeout)
  }

  /// Every real kind, plus the test-only kinds (claimed only when the worker's options
  /// allow them).
  public static func standard(
    cleaning: any TextCleaningPipelineFactory = PortalCleaningPipeline.Factory(),
    transcription: @escaping @Sendable (WorkerOptions) throws -> any TranscriptionEngine = pocketSphinx
  ) -> [Job.Kind: any JobHandler] {
    [
      .clean: CleanJobHandler(factory: cleaning, detectOnly: false),
      .scan: CleanJobHandler(factory: cleaning, detectOnly: true),
      .ocr: OCRJobHandler(),
      .transcribe: TranscribeJobHandler(makeEngine: transcription),
      .testNoop: NoopJobHandler(),
      .testSleep: SleepJobHandler(),
      .testItems: ItemsJobHandler(),
      .testCrash: CrashJobHandler(),
    ]
  }

  /// Whether this process may run test-only kinds: only when both the environment
  /// variable `PORTAL_ENABLE_TEST_JOBS=1` is set and the catalog carries the flag
  /// `test_jobs = 1`, which only the test harness writes (no command sets it).
  public static func testJobsAllowed(
    catalog: Catalog, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Bool {
    environment[WorkerOptions.testJobsVariable] == "1" && (try? catalog.meta("test_jobs")) == "1"
  }
}
