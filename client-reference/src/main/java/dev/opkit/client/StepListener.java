package dev.opkit.client;

/** Hears one line per protocol step: what was asked and what came back. */
@FunctionalInterface
public interface StepListener {
  /** A listener that ignores the steps. */
  StepListener NONE = (step, detail) -> {};

  /**
   * A step finished.
   *
   * @param step what was done, e.g. {@code incoming payment created}
   * @param detail what came back, e.g. the payment URL and amount
   */
  void onStep(String step, String detail);
}
