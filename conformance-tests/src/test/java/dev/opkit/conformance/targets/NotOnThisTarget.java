package dev.opkit.conformance.targets;

import org.opentest4j.TestAbortedException;

/**
 * The target cannot give a scenario what it needs, e.g. a receiver in another asset than the
 * sender's when none is configured: the scenario is skipped, with this message as the reason.
 */
public final class NotOnThisTarget extends TestAbortedException {
  private static final long serialVersionUID = 1L;

  public NotOnThisTarget(String reason) {
    super(reason);
  }
}
