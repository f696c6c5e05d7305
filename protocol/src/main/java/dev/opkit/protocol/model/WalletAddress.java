package dev.opkit.protocol.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.opkit.protocol.amount.Asset;

/**
 * The wallet address document, {@code GET {walletAddress}} (wallet-address-server schema {@code
 * wallet-address}): its URL ({@code id}), an optional {@code publicName}, its asset, the grant
 * endpoint ({@code authServer}) and the resource server base URL ({@code resourceServer}). Extra
 * members are allowed by the spec and ignored when read.
 */
public record WalletAddress(
    String id,
    String publicName,
    String assetCode,
    @JsonProperty(required = true) int assetScale,
    String authServer,
    String resourceServer) {

  public WalletAddress {
    Fields.required(id, "wallet address", "id");
    Fields.required(authServer, "wallet address", "authServer");
    Fields.required(resourceServer, "wallet address", "resourceServer");
    new Asset(assetCode, assetScale);
  }

  /** The wallet address's asset. */
  public Asset asset() {
    return new Asset(assetCode, assetScale);
  }
}
