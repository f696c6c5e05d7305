package dev.opkit.mock.resource.quote;

import dev.opkit.protocol.amount.Amount;

/**
 * A priced payment: what leaves the sender, how it splits, what arrives.
 *
 * @param debit the debit amount: sent plus fee, in the sender's asset
 * @param sent what crosses to the receiver before conversion, in the sender's asset
 * @param fee the sending provider's fee, in the sender's asset
 * @param receive what the receiver gets, in the receiver's asset
 */
public record Priced(Amount debit, Amount sent, Amount fee, Amount receive) {}
