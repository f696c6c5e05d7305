package dev.opkit.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A grant as {@code GET /admin/grants/{id}} shows it (the list leaves out windows and
 * nextWindowStart).
 *
 * @param id the grant's id
 * @param state e.g. {@code pending}, {@code approved}, {@code finalized}, {@code revoked}
 * @param client the client's wallet address
 * @param clientName the client's public name, or null
 * @param createdAt when it was requested
 * @param changedAt when its state last changed
 * @param access the access items as requested
 * @param interaction the consent page's redirect and expiry, or null
 * @param continueUri the continuation URL
 * @param tokens its access tokens, values masked
 * @param windows the spending windows of an outgoing-payment limit, or null
 * @param nextWindowStart when the next spending window starts, or null
 */
public record AdminGrant(
    String id,
    String state,
    String client,
    String clientName,
    Instant createdAt,
    Instant changedAt,
    JsonNode access,
    Interaction interaction,
    String continueUri,
    List<Token> tokens,
    List<SpendingWindow> windows,
    Instant nextWindowStart) {

  /**
   * The grant's consent interaction.
   *
   * @param redirect the consent page
   * @param expiresAt when it stops taking decisions
   * @param expired whether it has
   * @param finishUri where the person returns, or null
   */
  public record Interaction(
      String redirect, Instant expiresAt, boolean expired, String finishUri) {}

  /**
   * An access token of the grant.
   *
   * @param value the value, masked
   * @param manage its management URL
   * @param state e.g. {@code active}, {@code rotated}, {@code revoked}
   * @param issuedAt when it was issued
   * @param expiresAt when it expires
   * @param expired whether it has
   * @param endedAt when it was rotated or revoked, or null
   */
  public record Token(
      String value,
      String manage,
      String state,
      Instant issuedAt,
      Instant expiresAt,
      boolean expired,
      Instant endedAt) {}
}
