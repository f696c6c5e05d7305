package dev.opkit.mock.store.postgres;

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

/** A session's incoming payments in the {@code incoming_payments} table; pending ones by expiry. */
final class PgIncomingPayments implements IncomingPaymentStore, IncomingPaymentReads {
  private final PaymentTable<IncomingPaymentRecord> table;

  PgIncomingPayments(Sql sql, String session) {
    this.table = new PaymentTable<>(sql, session, "incoming_payments", IncomingPaymentRecord.class);
  }

  @Override
  public Optional<IncomingPaymentRecord> find(UUID id) {
    return table.find(id);
  }

  @Override
  public Optional<IncomingPaymentRecord> forUpdate(UUID id) {
    return table.forUpdate(id);
  }

  @Override
  public void save(IncomingPaymentRecord payment) {
    table.save(payment);
  }

  @Override
  public void delete(UUID id) {
    table.delete(id);
  }

  @Override
  public Optional<PageResult<IncomingPaymentRecord>> page(
      WalletId wallet, String client, PageQuery query) {
    return table.page(wallet, client, query);
  }

  @Override
  public List<IncomingPaymentRecord> dueBy(Instant now, int max) {
    return table.dueBy(now.toEpochMilli(), max);
  }

  @Override
  public int count() {
    return table.count();
  }
}
