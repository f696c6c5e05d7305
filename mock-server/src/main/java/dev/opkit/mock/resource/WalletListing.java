package dev.opkit.mock.resource;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.wallet.Wallet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Resources of one kind by id, and listed per wallet and per (wallet, client) for the spec's list
 * endpoints: {@code list} sees one client's, {@code list-all} the whole wallet's. Paging by cursor
 * costs the page, not the list.
 *
 * @param <T> the resource
 */
public final class WalletListing<T extends ListedResource> {
  private final String kind;
  private final ConcurrentMap<UUID, T> byId = new ConcurrentHashMap<>();
  private final CreationIndex<Wallet, T> byWallet = new CreationIndex<>();
  private final CreationIndex<WalletClient, T> byClient = new CreationIndex<>();

  /**
   * @param kind what the resources are called in errors, e.g. {@code "an incoming payment"}
   */
  public WalletListing(String kind) {
    this.kind = kind;
  }

  public void add(T resource) {
    byId.put(resource.id(), resource);
    byWallet.add(resource.wallet(), resource.sequence(), resource);
    if (resource.client() != null) {
      byClient.add(
          new WalletClient(resource.wallet(), resource.client()), resource.sequence(), resource);
    }
  }

  /** Forgets a resource: it is no longer found by id nor listed. */
  public void remove(T resource) {
    if (byId.remove(resource.id(), resource)) {
      byWallet.remove(resource.wallet(), resource.sequence());
      if (resource.client() != null) {
        byClient.remove(
            new WalletClient(resource.wallet(), resource.client()), resource.sequence());
      }
    }
  }

  public Optional<T> find(UUID id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * One page of a wallet's resources, or of those {@code client} created when it is not null.
   *
   * @throws ApiException 400 when the cursor is not a resource of that list
   */
  public PageResult<T> page(Wallet wallet, String client, PageRequest request) {
    Long cursor = null;
    if (request.cursor() != null) {
      T at = byId.get(request.cursor());
      if (at == null || at.wallet() != wallet || (client != null && !client.equals(at.client()))) {
        throw ApiException.badRequest(
            "the cursor " + request.cursor() + " is not " + kind + " of this list");
      }
      cursor = at.sequence();
    }
    return client == null
        ? byWallet.page(wallet, request.size(), request.backward(), cursor)
        : byClient.page(
            new WalletClient(wallet, client), request.size(), request.backward(), cursor);
  }

  public int count() {
    return byId.size();
  }

  public void clear() {
    byId.clear();
    byWallet.clear();
    byClient.clear();
  }

  private record WalletClient(Wallet wallet, String client) {}
}
