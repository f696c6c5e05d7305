package dev.opkit.sandbox.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.protocol.keys.Jwk;
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

    GrantResponse grant =
        IncomingPaymentGrants.request(
            sandbox, identity.walletAddress(), identity.nextPrivateKeyPem(), identity.nextKeyId());

    assertThat(grant.accessToken().value()).isNotBlank();
  }
}
