/// The portal's version, shown by `portal --version`.
public enum PortalVersion {
  public static let current = "0.1.0"
}
