package dev.opkit.mock.report;

import com.fasterxml.jackson.annotation.JsonValue;

/** A rule's grade on the report card. */
public enum Verdict {
  PASSED("passed"),
  FAILED("failed"),
  /** Nothing the client did put the rule to the test (e.g. no misbehaviour of its kind fired). */
  NOT_EXERCISED("not exercised");

  private final String wire;

  Verdict(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }
}
