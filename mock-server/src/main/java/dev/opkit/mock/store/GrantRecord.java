package dev.opkit.mock.store;

import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.Subject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One grant of a provider's auth server (RFC 9635 §1.5): who asked, for what, how it continues, and
 * its state. A change of state is a new version; the transitions refuse a grant that is not in the
 * state they start from.
 *
 * @param id the grant id
 * @param ase the provider whose auth server issued it
 * @param client the client
 * @param clientName the client's public name, when known
 * @param access the access items as requested, or as the wallet approved them when it changed their
 *     limits (echoed in token responses)
 * @param subject the subject asked about, or null
 * @param interaction the interaction, or null for a grant approved at once
 * @param continueId the last segment of the continuation URI
 * @param continueToken the continuation token
 * @param waitTime the {@code wait} between continuation requests, or null when none applies
 * @param createdAt when it was requested, by the session clock
 * @param state where it is in its life
 * @param lastContinuedAt the last continuation request (or the creation), for the {@code wait}
 * @param interactRef the reference the client continues with once the user accepted, or null
 * @param changedAt when the state last changed
 */
public record GrantRecord(
    String id,
    String ase,
    ClientIdentity client,
    String clientName,
    List<AccessItem> access,
    Subject subject,
    Interaction interaction,
    String continueId,
    String continueToken,
    Duration waitTime,
    Instant createdAt,
    GrantState state,
    Instant lastContinuedAt,
    String interactRef,
    Instant changedAt) {

  public GrantRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ase, "ase");
    Objects.requireNonNull(client, "client");
    access = List.copyOf(access);
    Objects.requireNonNull(continueId, "continueId");
    Objects.requireNonNull(continueToken, "continueToken");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(state, "state");
  }

  /** A grant just requested: pending with an interaction, else approved at once (finalized). */
  public static GrantRecord requested(
      String id,
      String ase,
      ClientIdentity client,
      String clientName,
      List<AccessItem> access,
      Subject subject,
      Interaction interaction,
      String continueId,
      String continueToken,
      Duration waitTime,
      Instant createdAt) {
    return new GrantRecord(
        id,
        ase,
        client,
        clientName,
        access,
        subject,
        interaction,
        continueId,
        continueToken,
        waitTime,
        createdAt,
        interaction == null ? GrantState.FINALIZED : GrantState.PENDING,
        createdAt,
        null,
        createdAt);
  }

  public Optional<String> clientNameIfAny() {
    return Optional.ofNullable(clientName);
  }

  public Optional<Subject> subjectIfAny() {
    return Optional.ofNullable(subject);
  }

  public Optional<Interaction> interactionIfAny() {
    return Optional.ofNullable(interaction);
  }

  /** The {@code wait} between continuation requests; empty for a grant approved at once. */
  public Optional<Duration> waitTimeIfAny() {
    return Optional.ofNullable(waitTime);
  }

  public Optional<String> interactRefIfAny() {
    return Optional.ofNullable(interactRef);
  }

  /** Whether the grant gives an access token (rather than only subject information). */
  public boolean hasAccess() {
    return !access.isEmpty();
  }

  /** The first outgoing-payment access item, which carries the grant's spending limits. */
  public Optional<AccessItem> outgoingPaymentAccess() {
    return access.stream().filter(a -> a.type() == AccessType.OUTGOING_PAYMENT).findFirst();
  }

  /** The user accepted: pending → approved, with the reference the client continues with. */
  public GrantRecord approve(String ref, Instant now) {
    requireState(GrantState.PENDING);
    return moved(GrantState.APPROVED, Objects.requireNonNull(ref), now);
  }

  /** The user rejected: pending → rejected. */
  public GrantRecord reject(Instant now) {
    requireState(GrantState.PENDING);
    return moved(GrantState.REJECTED, interactRef, now);
  }

  /** The client continued after approval: approved → finalized. */
  public GrantRecord finalizeGrant(Instant now) {
    requireState(GrantState.APPROVED);
    return moved(GrantState.FINALIZED, interactRef, now);
  }

  /** Revoked through the continuation URI. */
  public GrantRecord revoke(Instant now) {
    if (state == GrantState.REVOKED) {
      throw new IllegalStateException("grant " + id + " is revoked already");
    }
    return moved(GrantState.REVOKED, interactRef, now);
  }

  /** A continuation request arrived, for the next {@code wait} check. */
  public GrantRecord continued(Instant now) {
    return new GrantRecord(
        id,
        ase,
        client,
        clientName,
        access,
        subject,
        interaction,
        continueId,
        continueToken,
        waitTime,
        createdAt,
        state,
        now,
        interactRef,
        changedAt);
  }

  /** The same grant with another continuation token (a rotation, RFC 9635 §5). */
  public GrantRecord withContinueToken(String token) {
    return new GrantRecord(
        id,
        ase,
        client,
        clientName,
        access,
        subject,
        interaction,
        continueId,
        Objects.requireNonNull(token, "token"),
        waitTime,
        createdAt,
        state,
        lastContinuedAt,
        interactRef,
        changedAt);
  }

  /** The same grant with other access items (the wallet changed its limits). */
  public GrantRecord withAccess(List<AccessItem> items) {
    return new GrantRecord(
        id,
        ase,
        client,
        clientName,
        items,
        subject,
        interaction,
        continueId,
        continueToken,
        waitTime,
        createdAt,
        state,
        lastContinuedAt,
        interactRef,
        changedAt);
  }

  /** The wallet addresses it concerns: its client's and those its access items name. */
  public List<String> walletAddresses() {
    return walletAddresses(client, access);
  }

  /** The wallet addresses a grant of {@code client} for {@code items} concerns. */
  public static List<String> walletAddresses(ClientIdentity client, List<AccessItem> items) {
    List<String> urls = new ArrayList<>();
    urls.add(client.id());
    for (AccessItem item : items) {
      if (item.identifier() != null) {
        urls.add(item.identifier());
      }
    }
    return urls;
  }

  private void requireState(GrantState expected) {
    if (state != expected) {
      throw new IllegalStateException(
          "grant " + id + " is " + state.wireName() + ", not " + expected.wireName());
    }
  }

  private GrantRecord moved(GrantState next, String ref, Instant now) {
    return new GrantRecord(
        id,
        ase,
        client,
        clientName,
        access,
        subject,
        interaction,
        continueId,
        continueToken,
        waitTime,
        createdAt,
        next,
        lastContinuedAt,
        ref,
        now);
  }
}
