/// Hugging Face's `size_categories` buckets for a dataset card.
public enum SizeCategory {
  private static let buckets: [(limit: Int, label: String)] = [
    (1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"),
    (10_000_000, "1M<n<10M"), (100_000_000, "10M<n<100M"), (1_000_000_000, "100M<n<1B"),
    (10_000_000_000, "1B<n<10B"), (100_000_000_000, "10B<n<100B"), (1_000_000_000_000, "100B<n<1T"),
  ]

  /// The bucket `count` records fall into ("n<1K", "1K<n<10K"…, "n>1T").
  public static func label(for count: Int) -> String {
    buckets.first { count < $0.limit }?.label ?? "n>1T"
  }
}
