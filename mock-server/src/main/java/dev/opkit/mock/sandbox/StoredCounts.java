package dev.opkit.mock.sandbox;

/**
 * How many objects the sandbox holds, over every provider: what {@code GET /admin/stats} reports
 * next to the heap, so that memory per stored object can be measured.
 *
 * @param walletAddresses wallet addresses
 * @param incomingPayments incoming payments, in any state
 * @param quotes quotes, used or not
 * @param outgoingPayments outgoing payments, in any state
 * @param grants grants, in any state
 * @param accessTokens access tokens, live or ended
 */
public record StoredCounts(
    int walletAddresses,
    int incomingPayments,
    int quotes,
    int outgoingPayments,
    int grants,
    int accessTokens) {}
