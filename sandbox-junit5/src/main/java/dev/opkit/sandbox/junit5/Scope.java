package dev.opkit.sandbox.junit5;

/** How far one sandbox, or one session, reaches. */
public enum Scope {
  /** One for the whole JVM (sandbox only: all test classes share the server, never a session). */
  JVM,
  /** One per test class. */
  CLASS,
  /** One per test method (sessions only). */
  TEST
}
