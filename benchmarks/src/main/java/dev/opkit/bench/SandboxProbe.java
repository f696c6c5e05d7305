package dev.opkit.bench;

import dev.opkit.sandbox.admin.SandboxAdmin;

/**
 * Reads a sandbox's counters ({@code GET /admin/stats}) and its safepoint log around the measured
 * part of a load, so that a phase reports what the sandbox process allocated, how much CPU it used
 * and how long it stopped.
 */
final class SandboxProbe implements LoadGenerator.Probe {
  private final SandboxAdmin admin;
  private final SafepointLog safepoints;
  private SandboxCounters before;
  private SandboxCounters used;
  private long mark;
  private Pauses pauses;

  SandboxProbe(SandboxLauncher.Started sandbox) {
    this.admin = sandbox.senderAdmin();
    this.safepoints = sandbox.safepoints();
  }

  @Override
  public void measuringStarts() {
    mark = safepoints.mark();
    before = SandboxCounters.read(admin);
  }

  @Override
  public void measuringEnds() {
    used = SandboxCounters.read(admin).minus(before);
    pauses = safepoints.since(mark);
  }

  /** The phase as measured: the load's figures with the sandbox's. */
  Phase phase(LoadResult load) {
    return new Phase(load, used, pauses);
  }
}
