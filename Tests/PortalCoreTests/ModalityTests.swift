import PortalCore
import Testing

struct ModalityTests {
  @Test func aSingleKindGivesItsModality() {
    #expect(Modality.of([MediaType.png, .jpeg, .gif]) == .image)
    #expect(Modality.of([MediaType.jsonl, .csv, .markdown]) == .text)
  }

  @Test func differentKindsGiveMixed() {
    #expect(Modality.of([MediaType.png, .pdf]) == .mixed)
    #expect(Modality.of([MediaType.wav, .mp4]) == .mixed)
  }

  @Test func noKindsGiveNothing() {
    #expect(Modality.of([MediaType]()) == nil)
  }
}
