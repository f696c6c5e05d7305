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
  /** Time from process start to the first answer, the sandbox's and Prism's. */
  STARTUP,
  /** Bytes the sandbox allocates per signed POST /incoming-payments and per journey request. */
  ALLOCATION,
  /** The sandbox's CPU per signed POST against its floor (plain endpoint + verify + digest). */
  CPU,
  /** Stop-the-world pauses and p99 with a million stored payments, against Prism's p99. */
  PAUSES,
  /** Signed-POST throughput in the first 10 s after the first answer against the steady state. */
  FIRST_SECONDS,
  /** The JUnit 5 extension's per-test overhead and first start against WireMock's. */
  JUNIT5,
  /**
   * The journeys in memory and with an embedded PostgreSQL ({@code --data-dir}) in the same run,
   * and the database's rows, table bytes and WAL bytes per payment.
   */
  POSTGRES
}
