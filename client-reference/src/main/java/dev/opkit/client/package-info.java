/**
 * A Java Open Payments client on {@code java.net.http}: {@link dev.opkit.client.OpenPaymentsClient}
 * (authenticated, signs requests) and {@link dev.opkit.client.UnauthenticatedClient} (public
 * calls), with sub-APIs shaped like the official Node SDK's.
 */
package dev.opkit.client;
