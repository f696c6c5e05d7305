package dev.opkit.bench;

/**
 * One measured phase of load on the sandbox, with what the sandbox process did meanwhile.
 *
 * @param load the clients' figures
 * @param sandbox the sandbox's counters over the measured part (null for a server that has none)
 * @param pauses the stop-the-world pauses over the measured part (null when not logged)
 */
record Phase(LoadResult load, SandboxCounters sandbox, Pauses pauses) {
  /** The allocation aim per signed request, in bytes. */
  static final long ALLOCATION_AIM = 25 * 1024;

  /** Bytes the sandbox allocated per answered request of the phase. */
  double bytesPerRequest() {
    return sandbox.allocatedBytes() / (double) load.requests();
  }

  /** Bytes the sandbox allocated per signed request of the phase. */
  double bytesPerSignedRequest() {
    return sandbox.allocatedBytes() / (double) load.signedRequests();
  }

  /** The sandbox's CPU time per answered request, in microseconds. */
  double cpuMicrosPerRequest() {
    return sandbox.cpuNanos() / 1e3 / load.requests();
  }
}
