package dev.opkit.mock.store.postgres;

import dev.opkit.mock.store.OutgoingPaymentReads;
import dev.opkit.mock.store.OutgoingPaymentRecord;
import dev.opkit.mock.store.OutgoingPaymentStore;
import dev.opkit.mock.store.PageQuery;
import dev.opkit.mock.store.PageResult;
import dev.opkit.mock.store.WalletId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A session's outgoing payments in the {@code outgoing_payments} table; those waiting for a delayed
 * settlement by due time.
 */
final class PgOutgoingPayments implements OutgoingPaymentStore, OutgoingPaymentReads {
  private final PaymentTable<OutgoingPaymentRecord> table;

  PgOutgoingPayments(Sql sql, String session) {
    this.table = new PaymentTable<>(sql, session, "outgoing_payments", OutgoingPaymentRecord.class);
  }

  @Override
  public Optional<OutgoingPaymentRecord> find(UUID id) {
    return table.find(id);
  }

  @Override
  public Optional<OutgoingPaymentRecord> forUpdate(UUID id) {
    return table.forUpdate(id);
  }

  @Override
  public void save(OutgoingPaymentRecord payment) {
    table.save(payment);
  }

  @Override
  public Optional<PageResult<OutgoingPaymentRecord>> page(
      WalletId wallet, String client, PageQuery query) {
    return table.page(wallet, client, query);
  }

  @Override
  public List<OutgoingPaymentRecord> dueBy(long dueAtMillis, int max) {
    return table.dueBy(dueAtMillis, max);
  }

  @Override
  public int count() {
    return table.count();
  }
}
