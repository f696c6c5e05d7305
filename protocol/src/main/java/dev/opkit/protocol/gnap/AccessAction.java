package dev.opkit.protocol.gnap;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.Optional;

/**
 * An action in a GNAP access item (auth-server schemas {@code access-incoming}, {@code
 * access-outgoing}, {@code access-quote}). {@code read}/{@code list} cover resources the same
 * client created; {@code read-all}/{@code list-all} cover everyone's (PROTOCOL.md §5).
 */
public enum AccessAction {
  CREATE("create"),
  COMPLETE("complete"),
  READ("read"),
  READ_ALL("read-all"),
  LIST("list"),
  LIST_ALL("list-all");

  private final String wireName;

  AccessAction(String wireName) {
    this.wireName = wireName;
  }

  /** The wire name, e.g. {@code read-all}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The action for a wire name; empty when unknown. */
  public static Optional<AccessAction> fromWireName(String wireName) {
    for (AccessAction action : values()) {
      if (action.wireName.equals(wireName)) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }

  /**
   * True if holding this action permits {@code requested}: the same action, or {@code read-all} for
   * {@code read} and {@code list-all} for {@code list} (the wider right includes the narrower one,
   * as Rafiki's resource server decides).
   */
  public boolean satisfies(AccessAction requested) {
    return this == requested
        || (this == READ_ALL && requested == READ)
        || (this == LIST_ALL && requested == LIST);
  }

  /** True if any of the {@code granted} actions satisfies {@code requested}. */
  public static boolean anySatisfies(Collection<AccessAction> granted, AccessAction requested) {
    return granted.stream().anyMatch(action -> action.satisfies(requested));
  }

  /** True for {@code read-all} and {@code list-all}, which are not limited to the client's own. */
  public boolean coversAllClients() {
    return this == READ_ALL || this == LIST_ALL;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
