package dev.opkit.conformance.grading;

/**
 * How a scenario hands the reports what is not a plain pass or fail: each {@link Finding} as an
 * attachment of {@link #FINDING_MEDIA_TYPE} (the finding as JSON, named by its title), and a failed
 * scenario's last requests and responses as text. The reports grade a passed scenario with a
 * divergence or an unmet SHOULD as divergent.
 */
public final class Findings {
  /** Media type of a finding: a known divergence, an unmet SHOULD or a note, as JSON. */
  public static final String FINDING_MEDIA_TYPE = "application/x.opkit.finding+json";

  /** Media type of the last requests and responses of a failed scenario. */
  public static final String EXCHANGES_MEDIA_TYPE = "text/x.opkit.exchanges";

  /** Media type of the reason a scenario was skipped. */
  public static final String SKIP_MEDIA_TYPE = "text/x.opkit.skip";

  private Findings() {}
}
