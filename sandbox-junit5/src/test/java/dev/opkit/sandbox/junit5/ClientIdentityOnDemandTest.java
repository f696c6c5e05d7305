package dev.opkit.sandbox.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.protocol.keys.Jwk;
import dev.opkit.sandbox.admin.SandboxAdmin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** An enclosing class's {@code @BeforeEach} asks for the identity: it is registered then. */
@OpenPaymentsSandboxTest
class ClientIdentityOnDemandTest {
  SandboxClientIdentity fromEnclosing;

  @BeforeEach
  void identity(SandboxClientIdentity identity) {
    fromEnclosing = identity;
  }

  @Nested
  class Inner {
    @Test
    void theIdentityIsTheSameAndRegistered(SandboxRuntime sandbox, SandboxAdmin admin) {
      assertThat(fromEnclosing.walletAddress())
          .isEqualTo(sandbox.resourceServer("ase1") + "/" + TestSession.CLIENT_WALLET);
      assertThat(admin.wallet(TestSession.CLIENT_WALLET).keys())
          .extracting(Jwk::x)
          .containsExactly(fromEnclosing.jwk().x(), fromEnclosing.nextJwk().x());
      assertThat(admin.wallet(TestSession.CLIENT_WALLET).publicName()).isEqualTo("Test client");
    }
  }
}
