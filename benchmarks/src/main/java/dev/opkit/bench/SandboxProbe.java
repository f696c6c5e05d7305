package dev.opkit.bench;

/**
 * Reads a sandbox's counters ({@code GET /admin/stats}) and its safepoint log around the measured
 * part of a load, so that a phase reports what the sandbox process allocated, how much CPU it used
 * and how long it stopped.
 */
final class SandboxProbe implements LoadGenerator.Probe {
  private final AdminApi admin;
  private final String origin;
  private final SafepointLog safepoints;
  private SandboxCounters before;
  private SandboxCounters used;
  private long mark;
  private Pauses pauses;

  SandboxProbe(AdminApi admin, SandboxLauncher.Started sandbox) {
    this.admin = admin;
    this.origin = sandbox.senderOrigin();
    this.safepoints = sandbox.safepoints();
  }

  @Override
  public void measuringStarts() {
    mark = safepoints.mark();
    before = SandboxCounters.read(admin, origin);
  }

  @Override
  public void measuringEnds() {
    used = SandboxCounters.read(admin, origin).minus(before);
    pauses = safepoints.since(mark);
  }

  /** The phase as measured: the load's figures with the sandbox's. */
  Phase phase(LoadResult load) {
    return new Phase(load, used, pauses);
  }
}
