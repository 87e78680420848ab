enum PortalTestingPlaceholder {}
