package dev.opkit.protocol.gnap;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The resource type of a GNAP access item and the rules the auth-server spec attaches to it ({@code
 * access-incoming}, {@code access-outgoing}, {@code access-quote}): which actions it allows,
 * whether {@code identifier} is required or allowed, whether {@code limits} may appear.
 */
public enum AccessType {
  INCOMING_PAYMENT(
      "incoming-payment",
      EnumSet.of(
          AccessAction.CREATE,
          AccessAction.COMPLETE,
          AccessAction.READ,
          AccessAction.READ_ALL,
          AccessAction.LIST,
          AccessAction.LIST_ALL),
      IdentifierRule.OPTIONAL,
      false),
  OUTGOING_PAYMENT(
      "outgoing-payment",
      EnumSet.of(
          AccessAction.CREATE,
          AccessAction.READ,
          AccessAction.READ_ALL,
          AccessAction.LIST,
          AccessAction.LIST_ALL),
      IdentifierRule.REQUIRED,
      true),
  QUOTE(
      "quote",
      EnumSet.of(AccessAction.CREATE, AccessAction.READ, AccessAction.READ_ALL),
      IdentifierRule.NOT_IN_SCHEMA,
      false);

  /** What the spec says about an access item's {@code identifier} for a type. */
  public enum IdentifierRule {
    /** {@code access-outgoing} lists {@code identifier} as required. */
    REQUIRED,
    /** {@code access-incoming} allows it; without it the grant covers every wallet address. */
    OPTIONAL,
    /** {@code access-quote} has no {@code identifier} property. */
    NOT_IN_SCHEMA
  }

  private final String wireName;
  private final Set<AccessAction> allowedActions;
  private final IdentifierRule identifierRule;
  private final boolean limitsAllowed;

  AccessType(
      String wireName,
      Set<AccessAction> allowedActions,
      IdentifierRule identifierRule,
      boolean limitsAllowed) {
    this.wireName = wireName;
    this.allowedActions = Collections.unmodifiableSet(allowedActions);
    this.identifierRule = identifierRule;
    this.limitsAllowed = limitsAllowed;
  }

  /** The wire name, e.g. {@code outgoing-payment}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The type for a wire name; empty when unknown. */
  public static Optional<AccessType> fromWireName(String wireName) {
    for (AccessType type : values()) {
      if (type.wireName.equals(wireName)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The actions the spec's schema for this type lists. */
  public Set<AccessAction> allowedActions() {
    return allowedActions;
  }

  /** True if the spec's schema for this type lists {@code action}. */
  public boolean allows(AccessAction action) {
    return allowedActions.contains(action);
  }

  /** Whether {@code identifier} is required, optional or absent from the schema. */
  public IdentifierRule identifierRule() {
    return identifierRule;
  }

  /** True only for outgoing payments, the one type with {@code limits}. */
  public boolean limitsAllowed() {
    return limitsAllowed;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
