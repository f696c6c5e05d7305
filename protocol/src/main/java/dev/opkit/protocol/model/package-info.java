/**
 * Immutable records for the request and response bodies of the Open Payments 1.3.0 wallet address,
 * authorization and resource server specs, with the spec's field names on the wire. Read and write
 * them with {@link dev.opkit.protocol.json.Json}.
 */
package dev.opkit.protocol.model;
