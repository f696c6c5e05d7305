package dev.opkit.protocol.model;

import dev.opkit.protocol.amount.Amount;

/**
 * Limits of an outgoing-payment access item (auth-server schema {@code limits-outgoing}): the one
 * incoming payment payments must go to ({@code receiver}), an ISO 8601 repeating {@code interval}
 * (kept as text; see {@code protocol.interval}), and a maximum {@code debitAmount} or {@code
 * receiveAmount} per interval (or over the grant's life without one). All optional. The spec's
 * {@code anyOf} does not exclude both amounts; the authorization server decides (Rafiki: 400
 * invalid_request), so this record accepts both.
 */
public record Limits(String receiver, String interval, Amount debitAmount, Amount receiveAmount) {}
