package dev.opkit.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A signed request as the request journal recorded it ({@code GET /admin/requests}).
 *
 * @param sequence its number
 * @param at when it arrived
 * @param ase the provider
 * @param kind e.g. {@code grant}
 * @param method the HTTP method
 * @param targetUri the URL as sent
 * @param client the client wallet address, or null
 * @param outcome e.g. {@code accepted} or {@code refused}
 * @param status the status answered, or null
 * @param reason why it was refused, or null
 * @param description the refusal's text, or null
 * @param signatureInput the Signature-Input header
 * @param signature the Signature header
 * @param keyId the key id used
 * @param signatureBase the signature base the sandbox computed
 * @param contentDigestReceived the Content-Digest sent
 * @param contentDigestComputed the Content-Digest computed
 * @param keyLookup how the key was found
 * @param possibleReplay a possible replay's details (JSON), or null
 */
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
    JsonNode possibleReplay) {}
