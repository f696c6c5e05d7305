package dev.opkit.conformance.report;

/** How one scenario came out, graded as PROTOCOL.md §10 says. */
public enum Grade {
  /** Every check held. */
  PASSED,
  /** A MUST was broken (or a step could not run). */
  FAILED,
  /** Every MUST held, but the wallet behaved as a known implementation does, or missed a SHOULD. */
  DIVERGENT,
  /** Not run against this target; the reason says why. */
  SKIPPED
}
