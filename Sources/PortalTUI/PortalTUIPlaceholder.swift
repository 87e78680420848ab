/// Placeholder until the screens land.
enum PortalTUIPlaceholder {}
