package dev.opkit.sandbox.junit5;

import dev.opkit.client.ClientIdentity;
import dev.opkit.client.ClientOptions;
import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.AccessTokenRequest;
import dev.opkit.protocol.model.GrantResponse;

/** A non-interactive grant for alice's incoming payments, signed by this project's client. */
final class IncomingPaymentGrants {
  private IncomingPaymentGrants() {}

  /** Requests it at ase1, signed with the PEM key {@code keyId}. */
  static GrantResponse request(
      SandboxRuntime sandbox, String clientWallet, String privateKeyPem, String keyId) {
    OpenPaymentsClient client =
        OpenPaymentsClient.create(
            ClientIdentity.fromPem(clientWallet, privateKeyPem, keyId), ClientOptions.defaults());
    return client
        .grant()
        .request(
            sandbox.authServer("ase1"),
            AccessTokenRequest.of(
                AccessItem.of(
                    AccessType.INCOMING_PAYMENT,
                    sandbox.walletAddress("alice"),
                    AccessAction.CREATE,
                    AccessAction.READ)));
  }
}
