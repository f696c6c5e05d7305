package dev.opkit.conformance.grading;

/**
 * How the kit marks what is not a failure but is not a plain pass either: a scenario carries each
 * finding as an attachment of this media type, named by its title, with the details as text. The
 * summary grades a passed scenario with findings as divergent.
 */
public final class Findings {
  /** Media type of a finding: a known divergence or an unmet SHOULD. */
  public static final String DIVERGENCE_MEDIA_TYPE = "text/x.opkit.divergence";

  /** Media type of the last requests and responses of a failed scenario. */
  public static final String EXCHANGES_MEDIA_TYPE = "text/x.opkit.exchanges";

  /** Media type of the reason a scenario was skipped. */
  public static final String SKIP_MEDIA_TYPE = "text/x.opkit.skip";

  private Findings() {}
}
