package dev.opkit.mock.resource.incoming;

import dev.opkit.mock.resource.PageRequest;
import dev.opkit.mock.resource.PageResult;
import dev.opkit.mock.resource.WalletListing;
import dev.opkit.mock.wallet.Wallet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;

/** {@link IncomingPaymentStore} in memory: a {@link WalletListing} and an expiry queue. */
public final class InMemoryIncomingPaymentStore implements IncomingPaymentStore {
  private final WalletListing<IncomingPaymentRecord> payments =
      new WalletListing<>("an incoming payment");
  private final ConcurrentSkipListSet<IncomingPaymentRecord> byExpiry =
      new ConcurrentSkipListSet<>(
          Comparator.comparingLong(IncomingPaymentRecord::expiresAtMillis)
              .thenComparingLong(IncomingPaymentRecord::sequence));

  @Override
  public void add(IncomingPaymentRecord payment) {
    payments.add(payment);
    byExpiry.add(payment);
  }

  @Override
  public Optional<IncomingPaymentRecord> find(UUID id) {
    return payments.find(id);
  }

  @Override
  public PageResult<IncomingPaymentRecord> page(Wallet wallet, String client, PageRequest request) {
    return payments.page(wallet, client, request);
  }

  @Override
  public List<IncomingPaymentRecord> dueBy(Instant now, int max) {
    List<IncomingPaymentRecord> due = new ArrayList<>();
    for (IncomingPaymentRecord payment : byExpiry) {
      if (payment.expiresAt().isAfter(now) || due.size() == max) {
        break;
      }
      due.add(payment);
    }
    return due;
  }

  @Override
  public void settled(IncomingPaymentRecord payment) {
    byExpiry.remove(payment);
  }

  @Override
  public void remove(IncomingPaymentRecord payment) {
    payments.remove(payment);
    byExpiry.remove(payment);
  }

  @Override
  public int count() {
    return payments.count();
  }

  @Override
  public void clear() {
    payments.clear();
    byExpiry.clear();
  }
}
