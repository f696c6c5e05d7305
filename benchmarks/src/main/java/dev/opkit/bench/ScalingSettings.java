package dev.opkit.bench;

/**
 * The scaling part's size.
 *
 * @param outgoing outgoing payments to preload
 * @param incoming incoming payments to preload
 * @param wallets payer/payee pairs they are spread over
 * @param samples measured rounds of every operation, on the empty and on the preloaded sandbox
 * @param warmUpRounds unmeasured rounds before each measurement
 * @param heap the sandbox's {@code -Xmx}
 */
record ScalingSettings(
    int outgoing, int incoming, int wallets, int samples, int warmUpRounds, String heap) {

  ScalingSettings {
    if (outgoing < 0 || incoming < 0 || outgoing + incoming == 0) {
      throw new IllegalArgumentException("preload at least one payment");
    }
    if (wallets < 1 || samples < 1 || warmUpRounds < 0) {
      throw new IllegalArgumentException(
          "--scaling-wallets and --scaling-samples must be positive, the warm-up not negative");
    }
  }
}
