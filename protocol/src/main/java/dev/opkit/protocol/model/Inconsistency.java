package dev.opkit.protocol.model;

import java.util.Objects;

/**
 * A resource whose fields contradict each other, found by {@link ResourceChecks}.
 *
 * @param field the wire name of the field at fault, e.g. {@code receivedAmount}
 * @param problem what is wrong, for a person to read
 */
public record Inconsistency(String field, String problem) {
  public Inconsistency {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(problem, "problem");
  }
}
