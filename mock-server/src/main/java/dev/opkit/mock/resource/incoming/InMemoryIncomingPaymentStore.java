package dev.opkit.mock.resource.incoming;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.resource.CreationIndex;
import dev.opkit.mock.resource.PageRequest;
import dev.opkit.mock.resource.PageResult;
import dev.opkit.mock.wallet.Wallet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** {@link IncomingPaymentStore} in memory: a map by id, creation indexes, an expiry queue. */
public final class InMemoryIncomingPaymentStore implements IncomingPaymentStore {
  private final ConcurrentMap<UUID, IncomingPaymentRecord> byId = new ConcurrentHashMap<>();
  private final CreationIndex<Wallet, IncomingPaymentRecord> byWallet = new CreationIndex<>();
  private final CreationIndex<WalletClient, IncomingPaymentRecord> byClient = new CreationIndex<>();
  private final ConcurrentSkipListSet<IncomingPaymentRecord> byExpiry =
      new ConcurrentSkipListSet<>(
          Comparator.comparingLong(IncomingPaymentRecord::expiresAtMillis)
              .thenComparingLong(IncomingPaymentRecord::sequence));

  @Override
  public void add(IncomingPaymentRecord payment) {
    byId.put(payment.id(), payment);
    byWallet.add(payment.wallet(), payment.sequence(), payment);
    if (payment.client() != null) {
      byClient.add(
          new WalletClient(payment.wallet(), payment.client()), payment.sequence(), payment);
    }
    byExpiry.add(payment);
  }

  @Override
  public Optional<IncomingPaymentRecord> find(UUID id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public PageResult<IncomingPaymentRecord> page(Wallet wallet, String client, PageRequest request) {
    Long cursor = null;
    if (request.cursor() != null) {
      IncomingPaymentRecord at = byId.get(request.cursor());
      if (at == null || at.wallet() != wallet || (client != null && !client.equals(at.client()))) {
        throw ApiException.badRequest(
            "the cursor " + request.cursor() + " is not an incoming payment of this list");
      }
      cursor = at.sequence();
    }
    return client == null
        ? byWallet.page(wallet, request.size(), request.backward(), cursor)
        : byClient.page(
            new WalletClient(wallet, client), request.size(), request.backward(), cursor);
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
  public int count() {
    return byId.size();
  }

  @Override
  public void clear() {
    byId.clear();
    byWallet.clear();
    byClient.clear();
    byExpiry.clear();
  }

  private record WalletClient(Wallet wallet, String client) {}
}
