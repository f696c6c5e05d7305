package dev.opkit.mock.store.memory;

import dev.opkit.mock.store.IncomingPaymentReads;
import dev.opkit.mock.store.IncomingPaymentRecord;
import dev.opkit.mock.store.IncomingPaymentStore;
import dev.opkit.mock.store.PageQuery;
import dev.opkit.mock.store.PageResult;
import dev.opkit.mock.store.WalletId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A session's incoming payments; pending ones queued by expiry. */
final class MemoryIncomingPayments implements IncomingPaymentReads {
  private final MemoryPayments<IncomingPaymentRecord> payments = new MemoryPayments<>();

  @Override
  public Optional<IncomingPaymentRecord> find(UUID id) {
    return payments.find(id);
  }

  @Override
  public Optional<PageResult<IncomingPaymentRecord>> page(
      WalletId wallet, String client, PageQuery query) {
    return payments.page(wallet, client, query);
  }

  @Override
  public List<IncomingPaymentRecord> dueBy(Instant now, int max) {
    return payments.dueBy(now.toEpochMilli(), max);
  }

  @Override
  public int count() {
    return payments.count();
  }

  Writes writes() {
    return new Writes(payments.writes());
  }

  /** The incoming payments as one transaction sees and changes them. */
  static final class Writes implements IncomingPaymentStore, Pending {
    private final MemoryPayments<IncomingPaymentRecord>.Writes writes;

    private Writes(MemoryPayments<IncomingPaymentRecord>.Writes writes) {
      this.writes = writes;
    }

    @Override
    public Optional<IncomingPaymentRecord> find(UUID id) {
      return writes.find(id);
    }

    @Override
    public Optional<IncomingPaymentRecord> forUpdate(UUID id) {
      return writes.find(id);
    }

    @Override
    public void save(IncomingPaymentRecord payment) {
      writes.save(payment);
    }

    @Override
    public void delete(UUID id) {
      writes.delete(id);
    }

    @Override
    public void commit() {
      writes.commit();
    }
  }
}
