package dev.opkit.mock.resource.outgoing;

import dev.opkit.mock.resource.PageRequest;
import dev.opkit.mock.resource.PageResult;
import dev.opkit.mock.resource.WalletListing;
import dev.opkit.mock.wallet.Wallet;
import java.util.Optional;
import java.util.UUID;

/** {@link OutgoingPaymentStore} in memory: a {@link WalletListing}. */
public final class InMemoryOutgoingPaymentStore implements OutgoingPaymentStore {
  private final WalletListing<OutgoingPaymentRecord> payments =
      new WalletListing<>("an outgoing payment");

  @Override
  public void add(OutgoingPaymentRecord payment) {
    payments.add(payment);
  }

  @Override
  public Optional<OutgoingPaymentRecord> find(UUID id) {
    return payments.find(id);
  }

  @Override
  public PageResult<OutgoingPaymentRecord> page(Wallet wallet, String client, PageRequest request) {
    return payments.page(wallet, client, request);
  }

  @Override
  public int count() {
    return payments.count();
  }

  @Override
  public void clear() {
    payments.clear();
  }
}
