package dev.opkit.protocol.model;

import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import java.util.List;

/**
 * One right in a GNAP grant (auth-server schema {@code access-item}): a resource {@code type}, the
 * {@code actions} on it, the wallet address it applies to ({@code identifier}; optional for
 * incoming payments, required for outgoing payments, absent for quotes), and for outgoing payments
 * optional {@code limits}. Which actions and fields each type allows is {@link AccessType}'s
 * business; this record only carries them.
 */
public record AccessItem(
    AccessType type, List<AccessAction> actions, String identifier, Limits limits) {

  public AccessItem {
    Fields.required(type, "access item", "type");
    actions = Fields.requiredList(actions, "access item", "actions");
  }

  /** An item without limits. */
  public static AccessItem of(AccessType type, String identifier, AccessAction... actions) {
    return new AccessItem(type, List.of(actions), identifier, null);
  }

  /** True if one of the item's actions satisfies {@code requested} (see {@link AccessAction}). */
  public boolean permits(AccessAction requested) {
    return AccessAction.anySatisfies(actions, requested);
  }
}
