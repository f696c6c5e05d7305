package dev.opkit.bench;

/** The parts of a benchmark run, chosen with {@code --parts}. */
enum Part {
  /** N clients repeating the guide's journey against the sandbox. */
  JOURNEYS,
  /** Signing and verifying the journeys' requests with no HTTP: the ceiling. */
  CRYPTO,
  /** The same clients against a plain Javalin endpoint. */
  PLAIN,
  /** Latency on an empty and on a preloaded sandbox, and heap per stored payment. */
  SCALING,
  /** Time from process start to the first wallet address answer. */
  STARTUP
}
