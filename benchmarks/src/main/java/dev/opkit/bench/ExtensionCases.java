package dev.opkit.bench;

import dev.opkit.sandbox.junit5.Consent;
import dev.opkit.sandbox.junit5.OpenPaymentsSandboxTest;
import dev.opkit.sandbox.junit5.SandboxClientIdentity;
import dev.opkit.sandbox.junit5.SandboxWallet;
import org.junit.jupiter.api.RepeatedTest;

/**
 * What a user's test class does with the extension, run by {@link Junit5Run} through the JUnit
 * Platform: every test gets a session of its own with two wallets and a registered client identity
 * (wallet address, fresh Ed25519 key), deleted after the test.
 */
@OpenPaymentsSandboxTest(consent = Consent.AUTO_ACCEPT)
@SandboxWallet(name = "payer", balance = "1000000", publicName = "Payer")
@SandboxWallet(name = "shop", provider = "ase2")
class ExtensionCases {
  @RepeatedTest(Junit5Run.TESTS_PER_ROUND)
  void test(SandboxClientIdentity client) {
    if (client.walletAddress().isEmpty() || client.keyPair() == null) {
      throw new AssertionError("no client identity: " + client);
    }
  }
}
