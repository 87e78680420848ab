extension ActionRegistry {
  /// Keys of the focused sample preview and of the job views and forms.
  ///
  /// The preview pane has its own key scope (``ScreenKind/preview``): while it has focus,
  /// PgDn pages through the sample instead of the list, `/` searches inside the sample,
  /// and `[`/`]` turn PDF pages instead of tabs.
  static let previewAndJobActions: [ActionSpec] = [
    ActionSpec(
      .openItem, "Open",
      "Samples tab: move focus to the preview pane; Jobs tab: show the job's parameters, report and error.",
      keys: ["enter"], screens: [.dataset]),
    ActionSpec(
      .newJob, "Queue cleaning job",
      "Queue a clean, PII scan, OCR or transcription job on this dataset (choose the steps, see an estimate).",
      keys: ["n"], screens: [.dataset]),
    ActionSpec(
      .previewDown, "Scroll preview down", "Scroll the sample preview down a line.", keys: ["j", "down"],
      screens: [.preview]),
    ActionSpec(
      .previewUp, "Scroll preview up", "Scroll the sample preview up a line.", keys: ["k", "up"],
      screens: [.preview]),
    ActionSpec(
      .previewPageDown, "Preview page down", "Show the next page of the sample.",
      keys: ["pgdn", "space", "ctrl-f"], screens: [.preview]),
    ActionSpec(
      .previewPageUp, "Preview page up", "Show the previous page of the sample.", keys: ["pgup", "ctrl-b"],
      screens: [.preview]),
    ActionSpec(
      .previewTop, "Preview start", "Go to the start of the sample.", keys: ["g", "home"],
      screens: [.preview]),
    ActionSpec(
      .previewBottom, "Preview end", "Go to the end of the sample.", keys: ["G", "end"],
      screens: [.preview]),
    ActionSpec(
      .previewSearch, "Search in sample", "Find text inside the sample (read in chunks, any size).",
      keys: ["/"], screens: [.preview]),
    ActionSpec(
      .previewNextMatch, "Next match", "Find the next match of the search.", keys: ["n"],
      screens: [.preview]),
    ActionSpec(
      .previewPreviousMatch, "Previous match", "Find the previous match of the search.", keys: ["N"],
      screens: [.preview]),
    ActionSpec(.previewNextPage, "Next PDF page", "Show the PDF's next page.", keys: ["]"], screens: [.preview]),
    ActionSpec(
      .previewPreviousPage, "Previous PDF page", "Show the PDF's previous page.", keys: ["["],
      screens: [.preview]),
    ActionSpec(
      .previewFocusList, "Focus sample list", "Move focus back to the list of samples.",
      keys: ["tab", "enter"], screens: [.preview]),
    ActionSpec(
      .showJobs, "Jobs", "Show every job: queue and history with progress, rate and time left.",
      keys: ["J"]),
    ActionSpec(
      .jobDetails, "Job details", "Show the job's parameters, report and error.", keys: ["enter"],
      screens: [.jobs]),
    ActionSpec(
      .cancelJob, "Cancel job", "Cancel the job under the cursor (asks first).", keys: ["c"],
      screens: [.jobs, .dataset]),
    ActionSpec(
      .retryJob, "Retry job", "Queue the failed or cancelled job under the cursor again.", keys: ["r"],
      screens: [.jobs, .dataset]),
  ]
}
