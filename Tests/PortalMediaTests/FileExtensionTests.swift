import Testing

@testable import PortalMedia

struct FileExtensionTests {
  @Test(arguments: [
    ("notes/a.TXT", "txt"), ("a.tar.gz", "gz"), ("dir.d/readme", ""), ("dir/.bashrc", ""), (".profile", ""),
    ("trailing.", ""), ("deep/x/y/Photo.JPEG", "jpeg"), ("é/Été.Jsonl", "jsonl"), ("plain", ""), ("a/b.c/d.Md", "md"),
  ])
  func theExtensionIsTheLastComponentsSuffixLowerCased(path: String, expected: String) {
    #expect(FileEntry.fileExtension(of: path) == expected)
  }
}
