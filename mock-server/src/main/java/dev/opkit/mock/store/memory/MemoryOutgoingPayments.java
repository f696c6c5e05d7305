package dev.opkit.mock.store.memory;

import dev.opkit.mock.store.OutgoingPaymentReads;
import dev.opkit.mock.store.OutgoingPaymentRecord;
import dev.opkit.mock.store.OutgoingPaymentStore;
import dev.opkit.mock.store.PageQuery;
import dev.opkit.mock.store.PageResult;
import dev.opkit.mock.store.WalletId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A session's outgoing payments; those waiting for a delayed settlement queued by due time. */
final class MemoryOutgoingPayments implements OutgoingPaymentReads {
  private final MemoryPayments<OutgoingPaymentRecord> payments = new MemoryPayments<>();

  @Override
  public Optional<OutgoingPaymentRecord> find(UUID id) {
    return payments.find(id);
  }

  @Override
  public Optional<PageResult<OutgoingPaymentRecord>> page(
      WalletId wallet, String client, PageQuery query) {
    return payments.page(wallet, client, query);
  }

  @Override
  public List<OutgoingPaymentRecord> dueBy(long dueAtMillis, int max) {
    return payments.dueBy(dueAtMillis, max);
  }

  @Override
  public int count() {
    return payments.count();
  }

  Writes writes() {
    return new Writes(payments.writes());
  }

  /** The outgoing payments as one transaction sees and changes them. */
  static final class Writes implements OutgoingPaymentStore, Pending {
    private final MemoryPayments<OutgoingPaymentRecord>.Writes writes;

    private Writes(MemoryPayments<OutgoingPaymentRecord>.Writes writes) {
      this.writes = writes;
    }

    @Override
    public Optional<OutgoingPaymentRecord> find(UUID id) {
      return writes.find(id);
    }

    @Override
    public Optional<OutgoingPaymentRecord> forUpdate(UUID id) {
      return writes.find(id);
    }

    @Override
    public void save(OutgoingPaymentRecord payment) {
      writes.save(payment);
    }

    @Override
    public void commit() {
      writes.commit();
    }
  }
}
