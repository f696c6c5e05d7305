package dev.opkit.conformance.steps;

import dev.opkit.protocol.gnap.AccessType;
import io.cucumber.java.ParameterType;

/** The kit's own Cucumber parameter types, so steps read as the domain speaks. */
public final class ParameterTypes {
  /** An amount in a wallet's units, e.g. {@code 10.00}. */
  @ParameterType("\\d+(?:\\.\\d+)?")
  public String amount(String text) {
    return text;
  }

  /** The kind of an access token, by its access type, e.g. {@code incoming-payment}. */
  @ParameterType("incoming-payment|outgoing-payment|quote")
  public AccessType kind(String wireName) {
    return AccessType.fromWireName(wireName).orElseThrow();
  }

  /** An ISO 8601 duration as intervals use it, e.g. {@code P1M}, {@code PT1H}. */
  @ParameterType("P[0-9YMWDTHS.]+")
  public String duration(String text) {
    return text;
  }
}
