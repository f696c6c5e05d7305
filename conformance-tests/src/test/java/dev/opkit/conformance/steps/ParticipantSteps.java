package dev.opkit.conformance.steps;

import dev.opkit.conformance.targets.Role;
import dev.opkit.conformance.targets.WalletSpec;
import io.cucumber.java.en.Given;

/** Who takes part in a scenario: the client, the sender's wallet and the receiver's wallet. */
public final class ParticipantSteps {
  private final ScenarioContext context;

  public ParticipantSteps(ScenarioContext context) {
    this.context = context;
  }

  @Given("a client with its own wallet address and key")
  public void aClient() {
    context.useClient(context.target().newClient(ScenarioContext.CLIENT_NAME));
  }

  @Given("a client whose wallet address has no public name")
  public void aClientWithoutPublicName() {
    context.useClient(context.target().newClient(null));
  }

  @Given("a sender wallet")
  public void aSenderWallet() {
    context.useWallet(Role.SENDER, context.target().newWallet(Role.SENDER, WalletSpec.ANY));
  }

  @Given("a sender wallet in {word} holding {amount}")
  public void aSenderWalletHolding(String assetCode, String balance) {
    context.useWallet(
        Role.SENDER, context.target().newWallet(Role.SENDER, new WalletSpec(assetCode, balance)));
  }

  @Given("a receiver wallet")
  public void aReceiverWallet() {
    context.useWallet(Role.RECEIVER, context.target().newWallet(Role.RECEIVER, WalletSpec.ANY));
  }

  @Given("a receiver wallet in another asset than the sender's")
  public void aReceiverWalletInAnotherAsset() {
    String senderAsset = context.wallet(Role.SENDER).assetCode();
    context.useWallet(
        Role.RECEIVER,
        context.target().newWallet(Role.RECEIVER, WalletSpec.otherAssetThan(senderAsset)));
  }

  @Given("a receiver wallet in {word}")
  public void aReceiverWalletIn(String assetCode) {
    context.useWallet(
        Role.RECEIVER, context.target().newWallet(Role.RECEIVER, new WalletSpec(assetCode, null)));
  }
}
