package dev.opkit.sandbox.junit5;

import java.util.Locale;

/** The behaviour profile of every provider in a test's session. */
public enum Profile {
  /** What the sandbox is configured with (rafiki unless changed). */
  CONFIGURED,
  /** What a deployed Rafiki does. */
  RAFIKI,
  /** What the Open Payments specification says. */
  STRICT;

  String wireNameOrNull() {
    return this == CONFIGURED ? null : name().toLowerCase(Locale.ROOT);
  }
}
