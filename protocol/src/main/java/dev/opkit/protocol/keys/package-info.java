/**
 * Ed25519 keys as Open Payments uses them: key pairs that sign requests, public keys that verify
 * them, and their JWK (RFC 8037) and PEM (RFC 8410) forms.
 */
package dev.opkit.protocol.keys;
