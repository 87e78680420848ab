import PortalStore
import PortalWorker

/// Front ends name the catalog's location through `Portal`, never importing the
/// store (they must not be able to open SQLite themselves).
public typealias CatalogLocation = PortalStore.CatalogLocation

/// Front ends configure and hear from workers through these, without importing
/// PortalWorker (which can reach the catalog directly).
public typealias WorkerOptions = PortalWorker.WorkerOptions
/// A worker's notice about a job (the TUI shows job ends as toasts).
public typealias JobEvent = PortalWorker.JobEvent
/// Claims and claim latency of a worker run (`portal worker --stats`).
public typealias WorkerStats = PortalWorker.WorkerStats
/// Per-phase import timings (`PORTAL_IMPORT_TIMINGS=1`), printed by `portal import` for
/// `scripts/bench-import`.
public typealias ImportTimings = PortalStore.PhaseTimings
