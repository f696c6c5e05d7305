/**
 * The recurring-payments flow of the Open Payments guide (steps 1–13) as a restartable schedule:
 * {@link dev.opkit.client.recurring.RecurringPayments} with its state saved after every step.
 */
package dev.opkit.client.recurring;
