package dev.opkit.mock.auth.client;

import dev.opkit.mock.auth.GnapAuthorization;
import dev.opkit.mock.auth.OpaqueValues;
import dev.opkit.mock.auth.journal.ReplayWatch;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.ClientIdentity;
import dev.opkit.mock.store.JournalEntry;
import dev.opkit.mock.store.JournalStore;
import dev.opkit.mock.store.PossibleReplay;
import dev.opkit.mock.store.Transactions;
import dev.opkit.protocol.gnap.GnapErrorCode;
import dev.opkit.protocol.json.CompactJson;
import dev.opkit.protocol.json.CompactJsonResult;
import dev.opkit.protocol.signature.ContentDigest;
import dev.opkit.protocol.signature.HttpMessage;
import dev.opkit.protocol.signature.SignatureDiagnostics;
import dev.opkit.protocol.signature.SignatureFailure;
import dev.opkit.protocol.signature.SignatureVerifier;
import dev.opkit.protocol.signature.VerificationResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks that a request comes from the client it claims (RFC 9421 as Open Payments profiles it,
 * PROTOCOL.md §3 and §10): the protocol module's {@link SignatureVerifier} against the client's
 * keys, {@code created} against real time, and a body that is compact JSON, as Rafiki-based wallets
 * need. Every check lands in the session's request journal, a request seen before byte for byte
 * marked as a possible replay (refused only where the profile says so); a refusal is an {@link
 * ApiException} with {@code invalid_client} and a description naming the exact reason.
 */
public final class ClientSignatures {
  /** The journal's reason when the body is not compact JSON. */
  public static final String BODY_NOT_COMPACT = "BODY_NOT_COMPACT";

  /** The journal's reason when the client's keys could not be fetched or used. */
  public static final String CLIENT_UNREACHABLE = "CLIENT_UNREACHABLE";

  /** The journal's reason when a replay was refused ({@code refuseReplays}). */
  public static final String REPLAY = "REPLAY";

  private final SignatureVerifier verifier;
  private final ClientDirectory directory;
  private final Transactions storage;
  private final ReplayWatch replays;
  private final boolean journalPublished;
  private final Clock realClock;

  /**
   * @param replays the signed requests verified lately
   * @param journalPublished whether the admin API (and so {@code GET /admin/requests}) is on, so
   *     that refusals may point to it
   */
  public ClientSignatures(
      SignatureVerifier verifier,
      ClientDirectory directory,
      Transactions storage,
      ReplayWatch replays,
      boolean journalPublished,
      Clock realClock) {
    this.verifier = verifier;
    this.directory = directory;
    this.storage = storage;
    this.replays = replays;
    this.journalPublished = journalPublished;
    this.realClock = realClock;
  }

  /**
   * Verifies a request's signature with the client's keys.
   *
   * @return the {@code keyid} of the key that signed it
   * @throws ApiException {@code invalid_client}: 400 on the auth server when the key is unknown or
   *     the client's keys cannot be had, else 401
   */
  public String verify(
      SessionAse ase, HttpMessage message, ClientIdentity client, RequestKind kind) {
    Instant now = realClock.instant();
    KeyLookupTrace trace = new KeyLookupTrace();
    VerificationResult result;
    try {
      result = verifier.verify(message, directory.keysOf(ase, client, trace), now);
    } catch (ClientKeysUnavailable e) {
      throw refuse(
          ase, message, client, kind, now, trace, null, CLIENT_UNREACHABLE, true, e.getMessage());
    }
    if (result instanceof VerificationResult.Failed failed) {
      boolean keyProblem = failed.reason() == SignatureFailure.UNKNOWN_KEY;
      String description =
          keyProblem ? unknownKey(client, failed.diagnostics()) : failed.description();
      throw refuse(
          ase,
          message,
          client,
          kind,
          now,
          trace,
          failed.diagnostics(),
          failed.reason().name(),
          keyProblem,
          description);
    }
    VerificationResult.Verified verified = (VerificationResult.Verified) result;
    if (message.hasBody()) {
      CompactJsonResult compact = CompactJson.check(message.body());
      if (!compact.compact()) {
        throw refuse(
            ase,
            message,
            client,
            kind,
            now,
            trace,
            null,
            BODY_NOT_COMPACT,
            false,
            compact.description());
      }
    }
    // Made before the journal's transaction, which every signed request of the session passes.
    String fingerprint = ReplayWatch.fingerprint(ase.name(), message);
    JournalEntry verifiedEntry =
        entry(
            0,
            ase,
            message,
            client,
            kind,
            now,
            JournalEntry.VERIFIED,
            null,
            null,
            null,
            verified.keyId(),
            verified.signatureBase(),
            verified.bodySha512(),
            trace,
            null);
    ApiException replayRefused =
        storage.journal(
            ase.sessionId(),
            journal -> {
              long sequence = journal.nextSequence();
              Optional<PossibleReplay> replay = replays.sight(journal, fingerprint, now, sequence);
              if (replay.isPresent() && ase.profile().refuseReplays()) {
                PossibleReplay first = replay.get();
                return refuse(
                    journal,
                    sequence,
                    ase,
                    message,
                    client,
                    kind,
                    now,
                    trace,
                    null,
                    REPLAY,
                    false,
                    "this exact signed request was received before, at "
                        + first.firstSeen()
                        + " (journal entry "
                        + first.firstSequence()
                        + "), and this provider refuses replays (profile switch refuseReplays);"
                        + " sign every request anew (a fresh created, or a nonce)",
                    first);
              }
              journal.append(verifiedEntry.numbered(sequence, replay.orElse(null)));
              return null;
            });
    if (replayRefused != null) {
      throw replayRefused;
    }
    return verified.keyId();
  }

  private ApiException refuse(
      SessionAse ase,
      HttpMessage message,
      ClientIdentity client,
      RequestKind kind,
      Instant now,
      KeyLookupTrace trace,
      SignatureDiagnostics diagnostics,
      String reason,
      boolean keyProblem,
      String why) {
    return storage.journal(
        ase.sessionId(),
        journal ->
            refuse(
                journal,
                journal.nextSequence(),
                ase,
                message,
                client,
                kind,
                now,
                trace,
                diagnostics,
                reason,
                keyProblem,
                why,
                null));
  }

  /** Records a refusal in the session's journal, inside its transaction; returns the error. */
  private ApiException refuse(
      JournalStore journal,
      long sequence,
      SessionAse ase,
      HttpMessage message,
      ClientIdentity client,
      RequestKind kind,
      Instant now,
      KeyLookupTrace trace,
      SignatureDiagnostics diagnostics,
      String reason,
      boolean keyProblem,
      String why,
      PossibleReplay replay) {
    int status = kind.status(keyProblem);
    String description =
        "request signature refused: "
            + why
            + (why.endsWith(".") ? "" : ".")
            + (journalPublished
                ? " GET "
                    + ase.adminUrl()
                    + "/requests shows what this server received and checked."
                : "");
    journal.append(
        entry(
            sequence,
            ase,
            message,
            client,
            kind,
            now,
            JournalEntry.REFUSED,
            status,
            reason,
            description,
            diagnostics == null ? trace.keyId() : diagnostics.keyId().orElse(null),
            diagnostics == null ? null : diagnostics.signatureBase().orElse(null),
            null,
            trace,
            replay));
    return new ApiException(status, GnapErrorCode.INVALID_CLIENT.code(), description);
  }

  private static String unknownKey(ClientIdentity client, SignatureDiagnostics diagnostics) {
    String keyId = diagnostics.keyId().orElse("");
    if (client instanceof ClientIdentity.WalletAddress wallet) {
      return "keyid \""
          + keyId
          + "\" not in "
          + wallet.jwksUrl()
          + "; register the public key there (sandbox: POST /admin/wallet-addresses/{name}/keys)";
    }
    return "keyid \"" + keyId + "\" is not the kid of the jwk the grant request sent as client";
  }

  private JournalEntry entry(
      long sequence,
      SessionAse ase,
      HttpMessage message,
      ClientIdentity client,
      RequestKind kind,
      Instant now,
      String outcome,
      Integer status,
      String reason,
      String description,
      String keyId,
      String signatureBase,
      String bodySha512,
      KeyLookupTrace trace,
      PossibleReplay replay) {
    return new JournalEntry(
        sequence,
        now,
        ase.name(),
        kind.label(),
        message.method(),
        message.targetUri(),
        client.id(),
        outcome,
        status,
        reason,
        description,
        message.header("Signature-Input").orElse(null),
        message.header("Signature").orElse(null),
        keyId,
        signatureBase == null ? null : masked(signatureBase, message),
        message.header("Content-Digest").orElse(null),
        // The digest check's, when it computed one: the body is not digested twice.
        !message.hasBody()
            ? null
            : bodySha512 != null ? bodySha512 : ContentDigest.sha512(message.body()),
        trace.ran() ? trace.describe() : null,
        replay);
  }

  /** The signature base with the access token's value masked: the journal never shows tokens. */
  private static String masked(String base, HttpMessage message) {
    return message
        .header("Authorization")
        .flatMap(GnapAuthorization::token)
        .map(token -> base.replace(token, OpaqueValues.mask(token)))
        .orElse(base);
  }
}
