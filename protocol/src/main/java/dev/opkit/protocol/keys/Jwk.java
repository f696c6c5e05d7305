package dev.opkit.protocol.keys;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An Ed25519 public key as a JSON Web Key, the only key form Open Payments allows (kty OKP, crv
 * Ed25519, alg EdDSA; x is the base64url public key without padding). Spec: wallet-address-server
 * {@code json-web-key}; RFC 8037.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Jwk(String kid, String alg, String use, String kty, String crv, String x) {}
