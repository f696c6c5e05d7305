/**
 * HTTP message signatures as Open Payments profiles them: RFC 9421 with Ed25519, label {@code
 * sig1}, and RFC 9530 {@code Content-Digest}. {@link dev.opkit.protocol.signature.RequestSigner}
 * signs, {@link dev.opkit.protocol.signature.SignatureVerifier} checks, and {@link
 * dev.opkit.protocol.signature.CoveredComponents} holds the rule on what must be covered.
 */
package dev.opkit.protocol.signature;
