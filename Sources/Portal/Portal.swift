import PortalCore
enum PortalPlaceholder {}
