package dev.opkit.sandbox.admin;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.keys.Jwk;
import java.util.List;

/**
 * A wallet address as {@code GET /admin/wallet-addresses/{name}} shows it.
 *
 * @param id the wallet address URL
 * @param name its path segment
 * @param publicName the document's publicName, or null
 * @param assetCode the asset code
 * @param assetScale the asset scale
 * @param authServer the provider's grant endpoint
 * @param resourceServer the provider's resource server
 * @param balance the available balance
 * @param reserved money held by outgoing payments in progress
 * @param keys the registered client keys
 * @param pendingFailures how many of its next outgoing payments will be made to fail
 */
public record AdminWallet(
    String id,
    String name,
    String publicName,
    String assetCode,
    int assetScale,
    String authServer,
    String resourceServer,
    Amount balance,
    Amount reserved,
    List<Jwk> keys,
    int pendingFailures) {}
