package dev.opkit.mock.spending;

import dev.opkit.protocol.amount.Amount;
import java.time.Instant;

/**
 * One window of a grant as the admin API shows it: when it runs, what it allows, what was spent.
 *
 * @param index the window's position in the interval (0 = the first); -1 for a grant without
 *     interval, whose one "window" is its whole life
 * @param start the first instant of the window, or null without interval
 * @param end the first instant after the window, or null without interval
 * @param current whether the sandbox clock is inside this window now
 * @param limit the amount limit (debit or receive), or null when only the receiver is limited
 * @param spentDebit the debit amounts spent in the window
 * @param spentReceive the receive amounts spent in the window
 * @param remaining what may still be spent under the limit, or null without amount limit
 */
public record GrantWindow(
    long index,
    Instant start,
    Instant end,
    boolean current,
    Amount limit,
    Amount spentDebit,
    Amount spentReceive,
    Amount remaining) {}
