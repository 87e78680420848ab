import PortalCleaning
import Testing

@Suite struct LanguageIdentifierTests {
  let identifier: LanguageIdentifier

  init() throws { identifier = try LanguageIdentifier() }

  @Test func identifiesHeldOutSentencesWithAtLeastNinetyPercentAccuracy() {
    var correct = 0
    var total = 0
    var misses: [String] = []
    for (language, sentences) in HeldOutSentences.byLanguage {
      for sentence in sentences {
        total += 1
        let guess = identifier.identify(sentence)
        if guess.language == language {
          correct += 1
        } else {
          misses.append("\(language)→\(guess.language): \(sentence)")
        }
      }
    }
    let accuracy = Double(correct) / Double(total)
    print("language-id accuracy \(correct)/\(total) = \(accuracy)\n" + misses.joined(separator: "\n"))
    #expect(accuracy >= 0.9, "\(misses)")
  }

  @Test func shortPhrasesAreMostlyRightAndOtherwiseUndetermined() {
    var correct = 0
    var wrong: [String] = []
    var total = 0
    for (language, phrases) in HeldOutSentences.shortByLanguage {
      for phrase in phrases {
        total += 1
        let guess = identifier.identify(phrase)
        if guess.language == language {
          correct += 1
        } else if guess.language != "und" {
          wrong.append("\(language)→\(guess.language): \(phrase)")
        }
      }
    }
    print("short-phrase accuracy \(correct)/\(total), wrong (not und) \(wrong.count)\n" + wrong.joined(separator: "\n"))
    #expect(Double(correct) / Double(total) >= 0.6)
    #expect(wrong.count <= total / 5, "\(wrong)")
  }

  @Test func identifiesLongTextsConfidently() {
    for (language, sentences) in HeldOutSentences.byLanguage {
      let guess = identifier.identify(sentences.prefix(5).joined(separator: " "))
      #expect(guess.language == language)
      #expect(guess.confidence > 0.9)
    }
  }

  @Test func answersUndeterminedForTooShortOrLetterlessText() {
    #expect(identifier.identify("ok").language == "und")
    #expect(identifier.identify("12 34 56 78 90 12 34 56 78 90 !!").language == "und")
    #expect(identifier.identify("").confidence == 0)
  }

  @Test func languageStepKeepsMetadataLanguageAndCountsLanguages() {
    var step = LanguageStep(identifier: identifier, allowed: ["fr"])
    let kept = step.process(Document(id: 1, text: "Les enfants ont joué dans le jardin jusqu'à la nuit."))
    #expect(kept.decision == .keep)
    #expect(kept.document.language == "fr")
    let dropped = step.process(Document(id: 2, text: "The children played in the garden until it got dark."))
    #expect(dropped.decision == .drop(rule: "language_not_allowed"))
    let metadata = step.process(Document(id: 3, text: "The children played in the garden.", language: "fr"))
    #expect(metadata.document.language == "fr")
  }
}
