package dev.opkit.bench;

/**
 * The highest sandbox / crypto-ceiling ratio this machine allows when the generator and the server
 * share its CPUs: a signed request through HTTP costs at least what a plain request costs (both
 * processes) plus what signing and verifying cost, so no sandbox can answer more than {@code cpus /
 * (plain + crypto)} of them per second.
 */
final class CeilingBound {
  private CeilingBound() {}

  /**
   * @param cpus the CPUs the generator and the server share
   * @param crypto the crypto ceiling's run (no HTTP)
   * @param plain the plain endpoint's run (HTTP, no crypto)
   * @return the bound on the ratio, or 0 when a run lacks CPU figures
   */
  static double of(int cpus, LoadResult crypto, LoadResult plain) {
    if (crypto.cpuMicrosPerRequest() == 0 || plain.cpuMicrosPerRequest() == 0) {
      return 0;
    }
    double mostPerSecond =
        cpus * 1e6 / (crypto.cpuMicrosPerRequest() + plain.cpuMicrosPerRequest());
    return mostPerSecond / crypto.signedRequestsPerSecond();
  }
}
