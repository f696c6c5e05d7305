package dev.opkit.mock.auth.grant;

import dev.opkit.mock.auth.client.ClientIdentity;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.Subject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One grant of a provider's auth server (RFC 9635 §1.5): who asked, for what, how it continues, and
 * its state. State changes are synchronized on the grant; the token service issues, rotates and
 * revokes its tokens under the same monitor, so a revoked grant never gains a live token.
 */
public final class Grant {
  private final String id;
  private final Ase ase;
  private final ClientIdentity client;
  private final String clientName;
  private final List<AccessItem> access;
  private final Subject subject;
  private final Interaction interaction;
  private final String continueId;
  private final String continueToken;
  private final Duration waitTime;
  private final Instant createdAt;
  private GrantState state;
  private Instant lastContinuedAt;
  private String interactRef;
  private Instant changedAt;

  /**
   * @param clientName the client's public name, when known
   * @param access the access items as requested (echoed verbatim in token responses)
   * @param subject the subject asked about, or null
   * @param interaction the interaction, or null for a grant approved at once
   * @param waitTime the {@code wait} between continuation requests, or null when none applies
   */
  public Grant(
      String id,
      Ase ase,
      ClientIdentity client,
      String clientName,
      List<AccessItem> access,
      Subject subject,
      Interaction interaction,
      String continueId,
      String continueToken,
      Duration waitTime,
      Instant createdAt) {
    this.id = Objects.requireNonNull(id);
    this.ase = Objects.requireNonNull(ase);
    this.client = Objects.requireNonNull(client);
    this.clientName = clientName;
    this.access = List.copyOf(access);
    this.subject = subject;
    this.interaction = interaction;
    this.continueId = Objects.requireNonNull(continueId);
    this.continueToken = Objects.requireNonNull(continueToken);
    this.waitTime = waitTime;
    this.createdAt = Objects.requireNonNull(createdAt);
    this.state = interaction == null ? GrantState.FINALIZED : GrantState.PENDING;
    this.lastContinuedAt = createdAt;
    this.changedAt = createdAt;
  }

  public String id() {
    return id;
  }

  public Ase ase() {
    return ase;
  }

  public ClientIdentity client() {
    return client;
  }

  public Optional<String> clientName() {
    return Optional.ofNullable(clientName);
  }

  public List<AccessItem> access() {
    return access;
  }

  public Optional<Subject> subject() {
    return Optional.ofNullable(subject);
  }

  public Optional<Interaction> interaction() {
    return Optional.ofNullable(interaction);
  }

  public String continueId() {
    return continueId;
  }

  public String continueToken() {
    return continueToken;
  }

  /** The {@code wait} between continuation requests; empty for a grant approved at once. */
  public Optional<Duration> waitTime() {
    return Optional.ofNullable(waitTime);
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The continuation URI: {@code {auth}/continue/{continueId}}. */
  public String continueUri() {
    return ase.authServerUrl() + "/continue/" + continueId;
  }

  /** Whether the grant gives an access token (rather than only subject information). */
  public boolean hasAccess() {
    return !access.isEmpty();
  }

  /** The first outgoing-payment access item, which carries the grant's spending limits. */
  public Optional<AccessItem> outgoingPaymentAccess() {
    return access.stream().filter(a -> a.type() == AccessType.OUTGOING_PAYMENT).findFirst();
  }

  public synchronized GrantState state() {
    return state;
  }

  /** When the state last changed. */
  public synchronized Instant changedAt() {
    return changedAt;
  }

  public synchronized Optional<String> interactRef() {
    return Optional.ofNullable(interactRef);
  }

  public synchronized Instant lastContinuedAt() {
    return lastContinuedAt;
  }

  /** The user accepted: pending → approved, with the reference the client continues with. */
  public synchronized void approve(String ref, Instant now) {
    requireState(GrantState.PENDING);
    interactRef = Objects.requireNonNull(ref);
    move(GrantState.APPROVED, now);
  }

  /** The user rejected: pending → rejected. */
  public synchronized void reject(Instant now) {
    requireState(GrantState.PENDING);
    move(GrantState.REJECTED, now);
  }

  /** The client continued after approval: approved → finalized. */
  public synchronized void finalizeGrant(Instant now) {
    requireState(GrantState.APPROVED);
    move(GrantState.FINALIZED, now);
  }

  /** Revoked through the continuation URI; false when it was revoked already. */
  public synchronized boolean revoke(Instant now) {
    if (state == GrantState.REVOKED) {
      return false;
    }
    move(GrantState.REVOKED, now);
    return true;
  }

  /** Records a continuation request, for the next {@code wait} check. */
  public synchronized void continued(Instant now) {
    lastContinuedAt = now;
  }

  private void requireState(GrantState expected) {
    if (state != expected) {
      throw new IllegalStateException(
          "grant " + id + " is " + state.wireName() + ", not " + expected.wireName());
    }
  }

  private void move(GrantState next, Instant now) {
    state = next;
    changedAt = now;
  }

  @Override
  public String toString() {
    return "grant " + id + " (" + state() + ") of " + client.id();
  }
}
