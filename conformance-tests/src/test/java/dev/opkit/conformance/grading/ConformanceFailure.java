package dev.opkit.conformance.grading;

/**
 * A check that the wallet broke a MUST of the Open Payments specification (or of the RFCs it builds
 * on). The message names the rule and what was observed; the summary prints it as the rule broken.
 */
public final class ConformanceFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  public ConformanceFailure(String rule, String observed) {
    super("MUST: " + rule + "\n  observed: " + observed);
  }
}
