package dev.opkit.sandbox.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.client.ClientIdentity;
import dev.opkit.client.ClientOptions;
import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.AccessTokenRequest;
import dev.opkit.protocol.model.GrantResponse;
import dev.opkit.sandbox.admin.Misbehaviour;
import dev.opkit.sandbox.admin.SandboxAdmin;
import org.junit.jupiter.api.Test;

/**
 * The {@code key-rotation} scenario from the annotation: the client identity comes with a next key
 * registered beside its first one, so a client under test can carry on once the first is removed.
 */
@OpenPaymentsSandboxTest(scenario = "key-rotation")
class KeyRotationSandboxTest {
  @Test
  void theScenarioIsOnAndTheClientsNextKeyIsRegisteredAndSigns(
      SandboxRuntime sandbox, SandboxClientIdentity identity, SandboxAdmin admin) {
    assertThat(admin.misbehaviours())
        .extracting(Misbehaviour::kind)
        .containsExactly("client-key-rotated");
    assertThat(admin.wallet(TestSession.CLIENT_WALLET).keys())
        .extracting(Jwk::kid)
        .containsExactly(identity.keyId(), identity.nextKeyId());

    OpenPaymentsClient signedWithNextKey =
        OpenPaymentsClient.create(
            ClientIdentity.fromPem(
                identity.walletAddress(), identity.nextPrivateKeyPem(), identity.nextKeyId()),
            ClientOptions.defaults());
    GrantResponse grant =
        signedWithNextKey
            .grant()
            .request(
                sandbox.authServer("ase1"),
                AccessTokenRequest.of(
                    AccessItem.of(
                        AccessType.INCOMING_PAYMENT,
                        sandbox.walletAddress("alice"),
                        AccessAction.CREATE,
                        AccessAction.READ)));

    assertThat(grant.accessToken().value()).isNotBlank();
  }
}
