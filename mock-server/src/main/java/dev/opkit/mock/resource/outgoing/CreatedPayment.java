package dev.opkit.mock.resource.outgoing;

import dev.opkit.mock.spending.SpentAmounts;
import dev.opkit.mock.store.OutgoingPaymentRecord;

/**
 * A new outgoing payment with the grant's spent amounts to report in the create response ({@code
 * outgoing-payment-with-spent-amounts}).
 *
 * @param payment the payment
 * @param grantSpent what the response's {@code grantSpentDebitAmount} and {@code
 *     grantSpentReceiveAmount} say, per the behaviour profile
 */
public record CreatedPayment(OutgoingPaymentRecord payment, SpentAmounts grantSpent) {}
