package dev.opkit.mock.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One signed request as the sandbox checked it, for {@code GET /admin/requests}: what arrived, what
 * the server rebuilt from it, and the verdict. A developer diffs {@code signatureBase} and {@code
 * targetUri} against what their client signed.
 *
 * @param sequence the entry's number in its session, ascending ({@link JournalStore#nextSequence})
 * @param at when it arrived (real time, the clock {@code created} is checked against)
 * @param ase the provider that received it
 * @param kind which endpoint: grant request, continuation, token management or resource server
 * @param method the HTTP method
 * @param targetUri the {@code @target-uri} the server saw (its public URL plus path and query)
 * @param client the client whose keys were used (wallet address URL or {@code urn:jwk:…})
 * @param outcome {@code verified} or {@code refused}
 * @param status the HTTP status of a refusal, or null
 * @param reason the failed check (e.g. {@code DIGEST_MISMATCH}), or null
 * @param description the refusal's description as the client received it, or null
 * @param signatureInput the {@code Signature-Input} header received, or null
 * @param signature the {@code Signature} header received, or null
 * @param keyId the {@code keyid} parameter, or null
 * @param signatureBase the signature base the server rebuilt, or null when it got not that far
 * @param contentDigestReceived the {@code Content-Digest} header received, or null
 * @param contentDigestComputed the sha-512 digest of the body bytes received, or null without body
 * @param keyLookup where the key was looked for and what was found, or null when no lookup ran
 * @param possibleReplay when a byte-identical signed request verified before, within its validity:
 *     when and as which entry; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournalEntry(
    long sequence,
    Instant at,
    String ase,
    String kind,
    String method,
    String targetUri,
    String client,
    String outcome,
    Integer status,
    String reason,
    String description,
    String signatureInput,
    String signature,
    String keyId,
    String signatureBase,
    String contentDigestReceived,
    String contentDigestComputed,
    String keyLookup,
    PossibleReplay possibleReplay) {

  public static final String VERIFIED = "verified";
  public static final String REFUSED = "refused";

  /** This entry as number {@code sequence} of its session, maybe a possible replay. */
  public JournalEntry numbered(long sequence, PossibleReplay possibleReplay) {
    return new JournalEntry(
        sequence,
        at,
        ase,
        kind,
        method,
        targetUri,
        client,
        outcome,
        status,
        reason,
        description,
        signatureInput,
        signature,
        keyId,
        signatureBase,
        contentDigestReceived,
        contentDigestComputed,
        keyLookup,
        possibleReplay);
  }

  /** Whether the request was refused. */
  public boolean refused() {
    return REFUSED.equals(outcome);
  }
}
