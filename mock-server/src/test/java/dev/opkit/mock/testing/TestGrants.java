package dev.opkit.mock.testing;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.Limits;
import java.util.List;

/** Access items for tests, as a client would ask for them. */
public final class TestGrants {
  /** The client wallet address the tests act as. */
  public static final String CLIENT = "https://client.example/app";

  /** Another client, to test client scoping. */
  public static final String OTHER_CLIENT = "https://other.example/app";

  private TestGrants() {}

  public static AccessItem incoming(AccessAction... actions) {
    return new AccessItem(AccessType.INCOMING_PAYMENT, List.of(actions), null, null);
  }

  public static AccessItem quote(AccessAction... actions) {
    return new AccessItem(AccessType.QUOTE, List.of(actions), null, null);
  }

  public static AccessItem outgoing(String wallet, AccessAction... actions) {
    return new AccessItem(AccessType.OUTGOING_PAYMENT, List.of(actions), wallet, null);
  }

  /** Outgoing payments from {@code wallet} limited by debit amount (and interval, when given). */
  public static AccessItem outgoingLimited(String wallet, Amount debitAmount, String interval) {
    return new AccessItem(
        AccessType.OUTGOING_PAYMENT,
        List.of(AccessAction.CREATE, AccessAction.READ, AccessAction.LIST),
        wallet,
        new Limits(null, interval, debitAmount, null));
  }
}
