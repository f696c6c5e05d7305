package dev.opkit.mock.store.memory;

import dev.opkit.mock.store.PageQuery;
import dev.opkit.mock.store.PageResult;
import dev.opkit.mock.store.StoredPayment;
import dev.opkit.mock.store.WalletId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Payments of one kind by id, listed per wallet and per (wallet, client) for the spec's list
 * endpoints, and queued by the time they wait for (when they wait for one).
 *
 * @param <R> the payment record
 */
final class MemoryPayments<R extends StoredPayment> {
  private final ConcurrentMap<UUID, R> rows = new ConcurrentHashMap<>();
  private final CreationIndex<WalletId> byWallet = new CreationIndex<>();
  private final CreationIndex<WalletClient> byClient = new CreationIndex<>();
  private final ConcurrentSkipListSet<Due> waiting = new ConcurrentSkipListSet<>();

  /** The time the payment waits for, or empty when it waits for none. */
  private static Optional<Due> due(StoredPayment payment) {
    return payment.waitsForTime()
        ? Optional.of(new Due(payment.waitsUntilMillis(), payment.sequence(), payment.id()))
        : Optional.empty();
  }

  Optional<R> find(UUID id) {
    return Optional.ofNullable(rows.get(id));
  }

  Optional<PageResult<R>> page(WalletId wallet, String client, PageQuery query) {
    Long cursor = null;
    if (query.cursor() != null) {
      R at = rows.get(query.cursor());
      if (at == null
          || !at.wallet().equals(wallet)
          || (client != null && !client.equals(at.client()))) {
        return Optional.empty();
      }
      cursor = at.sequence();
    }
    CreationIndex.IdPage ids =
        client == null
            ? byWallet.page(wallet, query.size(), query.backward(), cursor)
            : byClient.page(
                new WalletClient(wallet, client), query.size(), query.backward(), cursor);
    return Optional.of(
        new PageResult<>(
            ids.ids().stream().map(rows::get).toList(), ids.hasNextPage(), ids.hasPreviousPage()));
  }

  /** Payments waiting for a time at or before {@code atMillis}, earliest first. */
  List<R> dueBy(long atMillis, int max) {
    List<R> due = new ArrayList<>();
    for (Iterator<Due> it = waiting.iterator(); it.hasNext() && due.size() < max; ) {
      Due next = it.next();
      if (next.atMillis() > atMillis) {
        break;
      }
      due.add(rows.get(next.id()));
    }
    return due;
  }

  int count() {
    return rows.size();
  }

  private void apply(R payment) {
    R old = rows.put(payment.id(), payment);
    if (old == null) {
      byWallet.add(payment.wallet(), payment.sequence(), payment.id());
      if (payment.client() != null) {
        byClient.add(
            new WalletClient(payment.wallet(), payment.client()), payment.sequence(), payment.id());
      }
    } else {
      due(old).ifPresent(waiting::remove);
    }
    due(payment).ifPresent(waiting::add);
  }

  private void delete(UUID id) {
    R old = rows.remove(id);
    if (old == null) {
      return;
    }
    byWallet.remove(old.wallet(), old.sequence());
    if (old.client() != null) {
      byClient.remove(new WalletClient(old.wallet(), old.client()), old.sequence());
    }
    due(old).ifPresent(waiting::remove);
  }

  Writes writes() {
    return new Writes();
  }

  /** The payments as one transaction sees and changes them. */
  final class Writes implements Pending {
    private final Overlay<UUID, R> overlay = new Overlay<>(rows);
    private Set<UUID> deleted;

    Optional<R> find(UUID id) {
      if (deleted != null && deleted.contains(id)) {
        return Optional.empty();
      }
      return Optional.ofNullable(overlay.get(id));
    }

    void save(R payment) {
      if (deleted != null) {
        deleted.remove(payment.id());
      }
      overlay.put(payment.id(), Objects.requireNonNull(payment));
    }

    void delete(UUID id) {
      if (deleted == null) {
        deleted = new LinkedHashSet<>();
      }
      deleted.add(id);
    }

    @Override
    public void commit() {
      overlay.forEach(
          (id, payment) -> {
            if (deleted == null || !deleted.contains(id)) {
              apply(payment);
            }
          });
      if (deleted != null) {
        deleted.forEach(MemoryPayments.this::delete);
      }
    }
  }

  private record WalletClient(WalletId wallet, String client) {}
}
