/**
 * What the client sent and received, for debugging output and failure reports: each {@link
 * dev.opkit.client.exchange.Exchange} reaches the {@link
 * dev.opkit.client.exchange.ExchangeListener} configured on the client.
 */
package dev.opkit.client.exchange;
