package dev.opkit.client.recurring;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.model.WalletAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a schedule needs to survive a restart, saved as JSON after every step: the plan as
 * resolved (wallet address documents, the amount in smallest units), the grant and its current
 * token, a pending consent, the period being prepared, and what happened in every period.
 * Immutable; each {@code with…} returns a copy.
 *
 * @param version the file format version, {@value #VERSION}
 * @param id the schedule's id, also written into each payment's metadata
 * @param status where the schedule stands
 * @param statusDetail a sentence about the status, e.g. why it stopped; may be null
 * @param clientWalletAddress the client wallet address the grant belongs to
 * @param clientKeyId the key id the client signed with when the state was last saved
 * @param sender the sender's wallet address document
 * @param receiver the receiver's wallet address document
 * @param side which side the amount fixes
 * @param amount the amount per payment, in smallest units of the side's asset
 * @param interval the repeating interval, or null for a single payment
 * @param grant the issued outgoing-payment grant, or null before consent
 * @param consent the consent being waited for, or null
 * @param work the period being prepared, or null
 * @param payments what happened in each period so far, by index
 * @param nextDue when the next payment is due, or null when none is
 * @param notes the caller's own settings kept with the schedule (the command line keeps its clock
 *     URL and key file here); never secrets
 * @param createdAt when the schedule was started
 * @param updatedAt when the state was last saved
 */
public record ScheduleState(
    int version,
    String id,
    ScheduleStatus status,
    String statusDetail,
    String clientWalletAddress,
    String clientKeyId,
    WalletAddress sender,
    WalletAddress receiver,
    AmountSide side,
    Amount amount,
    String interval,
    IssuedGrant grant,
    PendingConsent consent,
    PeriodWork work,
    List<PaymentRecord> payments,
    Instant nextDue,
    Map<String, String> notes,
    Instant createdAt,
    Instant updatedAt) {

  /** The state file format this class reads and writes. */
  public static final int VERSION = 1;

  public ScheduleState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(clientWalletAddress, "clientWalletAddress");
    Objects.requireNonNull(clientKeyId, "clientKeyId");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(createdAt, "createdAt");
    payments = payments == null ? List.of() : List.copyOf(payments);
    notes = notes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    updatedAt = updatedAt == null ? createdAt : updatedAt;
  }

  /** The record of a period, if it has one. */
  public Optional<PaymentRecord> payment(long index) {
    return payments.stream().filter(p -> p.index() == index).findFirst();
  }

  /** How many periods were paid. */
  public long paidCount() {
    return payments.stream().filter(PaymentRecord::paid).count();
  }

  /** This state with another status and detail. */
  public ScheduleState withStatus(ScheduleStatus newStatus, String detail) {
    return new ScheduleState(
        version,
        id,
        newStatus,
        detail,
        clientWalletAddress,
        clientKeyId,
        sender,
        receiver,
        side,
        amount,
        interval,
        grant,
        consent,
        work,
        payments,
        nextDue,
        notes,
        createdAt,
        updatedAt);
  }

  /** This state with the issued grant (or null). */
  public ScheduleState withGrant(IssuedGrant newGrant) {
    return new ScheduleState(
        version,
        id,
        status,
        statusDetail,
        clientWalletAddress,
        clientKeyId,
        sender,
        receiver,
        side,
        amount,
        interval,
        newGrant,
        consent,
        work,
        payments,
        nextDue,
        notes,
        createdAt,
        updatedAt);
  }

  /** This state with a pending consent (or null). */
  public ScheduleState withConsent(PendingConsent newConsent) {
    return new ScheduleState(
        version,
        id,
        status,
        statusDetail,
        clientWalletAddress,
        clientKeyId,
        sender,
        receiver,
        side,
        amount,
        interval,
        grant,
        newConsent,
        work,
        payments,
        nextDue,
        notes,
        createdAt,
        updatedAt);
  }

  /** This state with the period being prepared (or null). */
  public ScheduleState withWork(PeriodWork newWork) {
    return new ScheduleState(
        version,
        id,
        status,
        statusDetail,
        clientWalletAddress,
        clientKeyId,
        sender,
        receiver,
        side,
        amount,
        interval,
        grant,
        consent,
        newWork,
        payments,
        nextDue,
        notes,
        createdAt,
        updatedAt);
  }

  /** This state with a period's record added, replacing any earlier one for that period. */
  public ScheduleState withPayment(PaymentRecord record) {
    List<PaymentRecord> updated = new ArrayList<>();
    for (PaymentRecord existing : payments) {
      if (existing.index() != record.index()) {
        updated.add(existing);
      }
    }
    updated.add(record);
    updated.sort((a, b) -> Long.compare(a.index(), b.index()));
    return new ScheduleState(
        version,
        id,
        status,
        statusDetail,
        clientWalletAddress,
        clientKeyId,
        sender,
        receiver,
        side,
        amount,
        interval,
        grant,
        consent,
        work,
        updated,
        nextDue,
        notes,
        createdAt,
        updatedAt);
  }

  /** This state with another due time (or null). */
  public ScheduleState withNextDue(Instant due) {
    return new ScheduleState(
        version,
        id,
        status,
        statusDetail,
        clientWalletAddress,
        clientKeyId,
        sender,
        receiver,
        side,
        amount,
        interval,
        grant,
        consent,
        work,
        payments,
        due,
        notes,
        createdAt,
        updatedAt);
  }

  /** This state with the caller's notes replaced. */
  public ScheduleState withNotes(Map<String, String> newNotes) {
    return new ScheduleState(
        version,
        id,
        status,
        statusDetail,
        clientWalletAddress,
        clientKeyId,
        sender,
        receiver,
        side,
        amount,
        interval,
        grant,
        consent,
        work,
        payments,
        nextDue,
        newNotes,
        createdAt,
        updatedAt);
  }

  /**
   * This state stamped as saved at {@code at} by a client that now signs with {@code signingKeyId}
   * (its next key, once its wallet rotated the first one out).
   */
  public ScheduleState savedAt(Instant at, String signingKeyId) {
    return new ScheduleState(
        version,
        id,
        status,
        statusDetail,
        clientWalletAddress,
        signingKeyId,
        sender,
        receiver,
        side,
        amount,
        interval,
        grant,
        consent,
        work,
        payments,
        nextDue,
        notes,
        createdAt,
        at);
  }
}
