package dev.opkit.mock.auth.limits;

import dev.opkit.protocol.amount.Amount;

/**
 * A payment's share of its grant's spent amounts, kept with the payment so that a failure releases
 * exactly this share from exactly the window it was counted in.
 *
 * @param grantId the grant
 * @param window the window index, or {@link GrantSpending#LIFETIME} for limits without interval
 * @param debit the debit amount added to the window's sum, or null if not counted
 * @param receive the receive amount added to the window's sum, or null if not counted
 * @param before the window's spent amounts before this payment
 * @param after the window's spent amounts including this payment
 */
public record Reservation(
    String grantId,
    long window,
    Amount debit,
    Amount receive,
    SpentAmounts before,
    SpentAmounts after) {}
