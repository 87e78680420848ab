import PortalStore

/// Front ends name the catalog's location through `Portal`, never importing the
/// store (they must not be able to open SQLite themselves).
public typealias CatalogLocation = PortalStore.CatalogLocation
