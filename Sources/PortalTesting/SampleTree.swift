import Foundation

/// A small directory of mixed content, the shape of a real partner folder: prose,
/// JSONL records, a CSV table, an image, a recording.
public enum SampleTree {
  /// Expected number of samples in the tree `write(into:)` makes.
  public static let expectedSamples = 2 + 3 + 2 + 1 + 1

  /// Writes the tree and returns its root.
  @discardableResult
  public static func write(into dir: TemporaryDirectory, at name: String = "tree") throws -> URL {
    try dir.write("# Harbour notes\n\nThe harbour master wrote every morning.\n", to: "\(name)/notes/harbour.md")
    try dir.write(
      "Le conseil municipal s'est réuni mardi. Contact : mairie@exemple.fr\n", to: "\(name)/notes/conseil.txt")
    try dir.write(
      """
      {"id":1,"text":"Where is my parcel?","lang":"en"}
      {"id":2,"text":"Mon colis est en retard.","lang":"fr"}
      {"id":3,"text":"Thanks, it arrived.","lang":"en"}

      """, to: "\(name)/support.jsonl")
    try dir.write("title,year\n\"Atlas, revised\",1998\nHarbour charts,2004\n", to: "\(name)/holdings.csv")
    try dir.write(MediaBytes.png(width: 64, height: 48), to: "\(name)/images/map.png")
    try dir.write(MediaBytes.wav(seconds: 1.5), to: "\(name)/audio/interview.wav")
    return dir.appending(name)
  }
}
