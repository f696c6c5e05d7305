package dev.opkit.sandbox.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.protocol.keys.Jwk;
import dev.opkit.sandbox.admin.AdminWallet;
import dev.opkit.sandbox.admin.SandboxAdmin;
import org.junit.jupiter.api.Test;

@OpenPaymentsSandboxTest
class ClientIdentitySeedTest {

  @Test
  void whenTheTestAsksForTheClientThenTheSessionIsMadeWithIt(
      SandboxRuntime sandbox, SandboxClientIdentity identity, SandboxAdmin admin) {
    // The session's creation answer lists it: wallet and key came in that one request.
    assertThat(sandbox.provider("ase1").walletAddresses())
        .containsOnlyKeys("alice", "bob", TestSession.CLIENT_WALLET);
    assertThat(sandbox.provider("ase2").walletAddresses()).containsOnlyKeys("carol", "dave");
    assertThat(identity.walletAddress())
        .isEqualTo(sandbox.walletAddress("ase1", TestSession.CLIENT_WALLET));
    assertThat(identity.keyId()).isEqualTo(TestSession.CLIENT_KEY_ID);
    AdminWallet wallet = admin.wallet(TestSession.CLIENT_WALLET);
    assertThat(wallet.publicName()).isEqualTo("Test client");
    assertThat(wallet.assetCode()).isEqualTo("USD");
    assertThat(wallet.keys())
        .extracting(Jwk::x)
        .containsExactly(identity.jwk().x(), identity.nextJwk().x());
    assertThat(admin.wallet("alice").balance().value()).isEqualTo(100000);
  }

  @Test
  void whenTheTestDoesNotAskThenTheSessionHasOnlyTheConfiguredWallets(SandboxAdmin admin) {
    assertThat(admin.wallets()).extracting(AdminWallet::name).containsExactly("alice", "bob");
  }
}
