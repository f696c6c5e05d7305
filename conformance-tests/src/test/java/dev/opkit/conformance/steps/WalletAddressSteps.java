package dev.opkit.conformance.steps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.conformance.targets.Role;
import dev.opkit.protocol.keys.Jwk;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;

/**
 * Wallet address discovery (wallet-address-server spec: {@code get-wallet-address}, {@code
 * get-wallet-address-keys}): the document and the keys, checked on the raw JSON.
 */
public final class WalletAddressSteps {
  private final ScenarioContext context;
  private String lookedUp;

  public WalletAddressSteps(ScenarioContext context) {
    this.context = context;
  }

  @When("the client looks up the receiver's wallet address")
  public void looksUpTheReceiver() {
    lookedUp = context.walletUrl(Role.RECEIVER);
    context.act(() -> context.anonymous().walletAddress().get(lookedUp));
  }

  @When("the client reads the receiver's and the sender's wallet addresses")
  public void readsBothWalletAddresses() {
    for (Role role : new Role[] {Role.RECEIVER, Role.SENDER}) {
      String url = context.walletUrl(role);
      context.knowWallet(
          role,
          context.requireSuccess(
              context.act(() -> context.client().walletAddress().get(url)),
              "the "
                  + role.name().toLowerCase(Locale.ROOT)
                  + "'s wallet address is read (the guide's step 1)"));
    }
  }

  @When("the client looks up a wallet address that does not exist at the receiver's provider")
  public void looksUpAMissingWalletAddress() {
    lookedUp = missingSibling(context.walletUrl(Role.RECEIVER));
    context.act(() -> context.anonymous().walletAddress().get(lookedUp));
  }

  @When("the client reads the keys of its own wallet address")
  public void readsItsOwnKeys() {
    String own = context.client().identity().walletAddress();
    context.act(() -> context.anonymous().walletAddress().getKeys(own));
  }

  @When("the client reads the keys of the receiver's wallet address")
  public void readsTheReceiversKeys() {
    String receiver = context.walletUrl(Role.RECEIVER);
    context.act(() -> context.anonymous().walletAddress().getKeys(receiver));
  }

  @When("the client reads the keys of a wallet address that does not exist at its own provider")
  public void readsKeysOfAMissingWalletAddress() {
    String missing = missingSibling(context.client().identity().walletAddress());
    context.act(() -> context.anonymous().walletAddress().getKeys(missing));
  }

  /** A wallet address next to {@code walletAddress} that nobody opened. */
  private static String missingSibling(String walletAddress) {
    String base = walletAddress.substring(0, walletAddress.lastIndexOf('/'));
    return base + "/opkit-nobody-" + UUID.randomUUID();
  }

  @Then("the wallet address calls itself by the address that was looked up")
  public void itsIdIsTheAddress() {
    String id = context.answerJson().path("id").asText(null);
    context
        .verdicts()
        .must(
            lookedUp.equals(id),
            "the wallet address document's id is the wallet address URL",
            () -> "id " + id + " for " + lookedUp);
  }

  @Then("it names an asset code and an asset scale")
  public void itNamesItsAsset() {
    JsonNode json = context.answerJson();
    context
        .verdicts()
        .must(
            json.path("assetCode").isTextual()
                && !json.path("assetCode").asText().isBlank()
                && json.path("assetScale").isIntegralNumber()
                && json.path("assetScale").asInt() >= 0
                && json.path("assetScale").asInt() <= 255,
            "a wallet address names its assetCode and an assetScale from 0 to 255",
            json::toString);
  }

  @Then("it names its authorization server and its resource server as absolute URLs")
  public void itNamesItsServers() {
    JsonNode json = context.answerJson();
    for (String field : new String[] {"authServer", "resourceServer"}) {
      String url = json.path(field).asText("");
      context
          .verdicts()
          .must(
              isAbsoluteHttpUrl(url),
              "a wallet address's " + field + " is an absolute http(s) URL",
              () -> field + " = " + (url.isEmpty() ? "(missing)" : url));
    }
  }

  private static boolean isAbsoluteHttpUrl(String text) {
    try {
      URI uri = URI.create(text);
      return uri.isAbsolute()
          && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Then("the keys hold the client's key as an Ed25519 public key")
  public void theKeysHoldTheClientsKey() {
    Jwk expected = context.client().identity().keyPair().toJwk(context.client().identity().keyId());
    JsonNode match = null;
    for (JsonNode key : context.answerJson().path("keys")) {
      if (expected.kid().equals(key.path("kid").asText(null))) {
        match = key;
      }
    }
    JsonNode key = match;
    context
        .verdicts()
        .must(
            key != null,
            "the client's wallet address publishes its key under its key id",
            () -> "no key " + expected.kid() + " in " + context.answer().response().body());
    context
        .verdicts()
        .must(
            "OKP".equals(key.path("kty").asText())
                && "Ed25519".equals(key.path("crv").asText())
                && "EdDSA".equals(key.path("alg").asText())
                && expected.x().equals(key.path("x").asText()),
            "a published key is an Ed25519 JWK (kty OKP, crv Ed25519, alg EdDSA) holding the"
                + " client's public key",
            key::toString);
  }

  @Then("the set of keys is empty")
  public void theSetOfKeysIsEmpty() {
    JsonNode keys = context.answerJson().path("keys");
    context
        .verdicts()
        .must(
            keys.isArray() && keys.isEmpty(),
            "a wallet address without keys answers {\"keys\": []}",
            keys::toString);
  }
}
