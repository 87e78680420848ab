import Foundation
import PortalCleaning
import Testing

@Suite struct PIIRedactorTests {
  let redactor = PIIRedactor()

  func redacted(_ text: String) -> String { redactor.redact(text).text }

  @Test func redactsPlainAndOCRDamagedEmails() {
    #expect(redacted("Écrire à jean.dupont@exemple.fr.") == "Écrire à <EMAIL>.")
    #expect(redacted("contact: archives@exemple. fr merci") == "contact: <EMAIL> merci")
    #expect(redacted("par jean . dupont @ exemple.fr ou") == "par <EMAIL> ou")
    #expect(redacted("see Merci. a@b.fr") == "see Merci. <EMAIL>")
  }

  @Test func spacedDotBeforeAnOrdinaryWordEndsTheAddress() {
    #expect(redacted("mail jean@exemple.fr. merci beaucoup") == "mail <EMAIL>. merci beaucoup")
    #expect(redacted("Meet me @ home. Thanks") == "Meet me @ home. Thanks")
  }

  @Test(arguments: [
    "+33 6 12 34 56 78", "+41 44 668 18 00", "+49 30 901820", "+44 20 7946 0958", "01 23 45 67 89",
    "06.12.34.56.78", "044 668 18 00", "030 901820", "020 7946 0958", "(555) 014-2231", "555-014-2231",
    "(555) 014- 2231", "+33 (0)1 23 45 67 89",
  ])
  func redactsPhoneNumbers(_ phone: String) {
    #expect(redacted("Tel: \(phone), merci") == "Tel: <PHONE>, merci")
  }

  @Test(arguments: [
    "version 1.2.3.4", "v1.2.3.4", "le 2019-03-14", "le 14.03.2019", "ISBN 978-3-16-148410-0",
    "à 14:30", "prix 1 299,00 €", "pages 120-135", "en 2019", "ISBN 0-306-40615-2", "12:30:45",
    "carte 4111 1111 1111 1112", "IBAN FR76 3000 6000 0112 3456 7890 188", "SSN 666-12-3456",
    "SSN 123-00-4567", "SSN 912-34-5678", "3.14159", "10 000 000 000 habitants", "std::vector",
    "carte 4111 1111 1111 111 2", "réf 4111-1111-1111-111-1", "lots 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1",
    "IBAN FR 76 3000 6000 0112 3456 7890 188", "AT 10 000 HABITANTS EN 2019",
  ])
  func leavesNearMissesAlone(_ text: String) {
    #expect(redactor.scan(text).isEmpty, "unexpected PII in \(text)")
  }

  @Test func findsPIIBetweenFrenchQuotesAndNoBreakSpaces() {
    #expect(redacted("«jean@exemple.fr» et «06 12 34 56 78»") == "«<EMAIL>» et «<PHONE>»")
    #expect(redacted("Tél.\u{A0}01 23 45 67 89") == "Tél.\u{A0}<PHONE>")
    #expect(redactor.scan("é0612345678").isEmpty)
  }

  @Test func redactsValidatedNumbers() {
    #expect(redacted("carte 4111 1111 1111 1111 exp") == "carte <CARD> exp")
    #expect(redacted("carte 4111-1111-1111-1111.") == "carte <CARD>.")
    #expect(redacted("IBAN FR76 3000 6000 0112 3456 7890 189 ok") == "IBAN <IBAN> ok")
    #expect(redacted("IBAN CH9300762011623852957") == "IBAN <IBAN>")
    #expect(redacted("SSN 123-45-6789") == "SSN <SSN>")
    #expect(redacted("AVS 756.1234.5678.97") == "AVS <AHV>")
    #expect(redacted("NIR 1 84 12 76 451 089 46") == "NIR <NIR>")
  }

  @Test(arguments: [
    ("carte 4111 1111 1111 111 1 exp", "carte <CARD> exp"), ("carte 4111 11 11 1111 1111 exp", "carte <CARD> exp"),
    ("Amex 3782 822463 1000 5 ok", "Amex <CARD> ok"), ("IBAN FR 76 3000 6000 0112 3456 7890 189", "IBAN <IBAN>"),
    ("IBAN FR76 3000 60 00 0112 3456 7890 1 89 ok", "IBAN <IBAN> ok"),
  ])
  func redactsCardsAndIBANsWithOCRSpacesInsideTheirGroups(_ text: String, _ expected: String) {
    #expect(redacted(text) == expected)
  }

  @Test func validatesCorsicanNIRWithItsLetterDepartment() throws {
    // The key treats department 2A as 19: 97 − (2 84 12 19 451 089 mod 97).
    let body = try #require(Int("2841219451089"))
    let key = 97 - body % 97
    #expect(redacted("NIR 2 84 12 2A 451 089 \(String(format: "%02d", key))") == "NIR <NIR>")
    #expect(redactor.scan("NIR 2 84 12 2A 451 089 \(String(format: "%02d", key % 96 + 1))").isEmpty)
  }

  @Test func redactsIPAddressesButNotLoopback() {
    #expect(redacted("from 203.0.113.7 and 192.168.1.20") == "from <IP> and <IP>")
    #expect(redacted("bind 127.0.0.1") == "bind 127.0.0.1")
    #expect(redacted("host 2001:db8::8a2e:370:7334 up") == "host <IP> up")
    #expect(redacted("link fe80::1") == "link <IP>")
    #expect(PIIRedactor(redactPrivateIPv4: false).redact("192.168.1.20").text == "192.168.1.20")
  }

  @Test func redactsURLCredentialsButKeepsTheHost() {
    #expect(
      redacted("clone https://alice:s3cret@git.example.com/repo")
        == "clone https://<URL_CREDENTIALS>@git.example.com/repo")
    #expect(redacted("see https://example.com/a@b") == "see https://example.com/a@b")
  }

  @Test func detectOnlyModeCountsWithoutChangingText() {
    var step = PIIStep(mode: .detectOnly)
    let text = "a@b.fr et +33 6 12 34 56 78 et a@c.fr"
    let result = step.process(Document(id: 1, text: text))
    #expect(result.document.text == text)
    #expect(result.findings == ["EMAIL": 2, "PHONE": 1])
    #expect(!result.changed)
  }
}
