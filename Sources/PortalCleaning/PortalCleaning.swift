enum PortalCleaningPlaceholder {}
