package dev.opkit.mock.resource.outgoing;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.resource.CreationIndex;
import dev.opkit.mock.resource.PageRequest;
import dev.opkit.mock.resource.PageResult;
import dev.opkit.mock.wallet.Wallet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link OutgoingPaymentStore} in memory: a map by id and creation indexes. */
public final class InMemoryOutgoingPaymentStore implements OutgoingPaymentStore {
  private final ConcurrentMap<UUID, OutgoingPaymentRecord> byId = new ConcurrentHashMap<>();
  private final CreationIndex<Wallet, OutgoingPaymentRecord> byWallet = new CreationIndex<>();
  private final CreationIndex<WalletClient, OutgoingPaymentRecord> byClient = new CreationIndex<>();

  @Override
  public void add(OutgoingPaymentRecord payment) {
    byId.put(payment.id(), payment);
    byWallet.add(payment.wallet(), payment.sequence(), payment);
    if (payment.client() != null) {
      byClient.add(
          new WalletClient(payment.wallet(), payment.client()), payment.sequence(), payment);
    }
  }

  @Override
  public Optional<OutgoingPaymentRecord> find(UUID id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public PageResult<OutgoingPaymentRecord> page(Wallet wallet, String client, PageRequest request) {
    Long cursor = null;
    if (request.cursor() != null) {
      OutgoingPaymentRecord at = byId.get(request.cursor());
      if (at == null || at.wallet() != wallet || (client != null && !client.equals(at.client()))) {
        throw ApiException.badRequest(
            "the cursor " + request.cursor() + " is not an outgoing payment of this list");
      }
      cursor = at.sequence();
    }
    return client == null
        ? byWallet.page(wallet, request.size(), request.backward(), cursor)
        : byClient.page(
            new WalletClient(wallet, client), request.size(), request.backward(), cursor);
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
  }

  private record WalletClient(Wallet wallet, String client) {}
}
