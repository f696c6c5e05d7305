/**
 * ISO 8601 repeating intervals as Open Payments grant limits use them ({@code limits.interval}):
 * parsing and the chained windows within which spent amounts are summed (PROTOCOL.md §6, §10).
 */
package dev.opkit.protocol.interval;
