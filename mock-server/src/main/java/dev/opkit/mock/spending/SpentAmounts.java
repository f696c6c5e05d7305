package dev.opkit.mock.spending;

import dev.opkit.protocol.amount.Amount;

/**
 * What a grant has spent in one window (or over its life): the sum of its payments' debit and
 * receive amounts, failed payments excluded. A side is null while the grant has never had a payment
 * in a comparable asset.
 *
 * @param debit the sum of debit amounts, or null
 * @param receive the sum of receive amounts, or null
 */
public record SpentAmounts(Amount debit, Amount receive) {}
