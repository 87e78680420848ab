enum PortalMediaPlaceholder {}
