package dev.opkit.sandbox.admin;

import dev.opkit.protocol.amount.Amount;
import java.time.Instant;

/**
 * One spending window of a grant's outgoing-payment limit.
 *
 * @param index its number in the interval, from 0
 * @param start when it starts
 * @param end when it ends, or null for the last
 * @param current whether the session's clock is in it
 * @param limit the limit (debit or receive amount), or null
 * @param spentDebit what payments debited in it
 * @param spentReceive what they delivered in it
 * @param remaining what the limit still allows, or null
 */
public record SpendingWindow(
    long index,
    Instant start,
    Instant end,
    boolean current,
    Amount limit,
    Amount spentDebit,
    Amount spentReceive,
    Amount remaining) {}
