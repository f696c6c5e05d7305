package dev.opkit.mock.store;

import java.math.BigInteger;

/**
 * A payment's share of its grant's spent amounts, kept with the payment while it may still fail, so
 * that a failure gives back exactly this share to exactly the window it was counted in.
 *
 * @param window the window index, or {@link GrantSpendingRecord#LIFETIME} for limits without
 *     interval
 * @param debit the debit amount added to the window's sum, or null if not counted
 * @param receive the receive amount added to the window's sum, or null if not counted
 */
public record SpendingShare(long window, BigInteger debit, BigInteger receive) {}
