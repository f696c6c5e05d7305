package dev.opkit.conformance.steps;

import dev.opkit.client.ClientIdentity;
import dev.opkit.client.exchange.Exchange;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.sandbox.admin.Misbehaviour;
import dev.opkit.sandbox.admin.SandboxAdmin;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Client conformance for key rotation (issue 18): the client's operator lists a next key beside the
 * current one, the sandbox removes the current one from the client's key set after a payment, and
 * the report card grades whether the client went on signing with the removed key.
 */
public final class KeyRotationSteps {
  private static final Pattern KEY_ID = Pattern.compile("keyid=\"([^\"]+)\"");

  private final ScenarioContext context;
  private String currentKeyId;
  private String nextKeyId;

  public KeyRotationSteps(ScenarioContext context) {
    this.context = context;
  }

  @Given("the client's operator registered a next key, which the client holds")
  public void nextKeyHeld() {
    Ed25519KeyPair next = registerNextKey();
    context.useClient(context.client().identity().withNextKey(next, nextKeyId));
  }

  @Given("the client's operator registered a next key, which the client ignores")
  public void nextKeyIgnored() {
    registerNextKey();
  }

  private Ed25519KeyPair registerNextKey() {
    ClientIdentity identity = context.client().identity();
    SandboxAdmin sandbox = context.target().sandboxOf(identity.walletAddress());
    String name = sandbox.walletAt(identity.walletAddress()).name();
    Ed25519KeyPair next = Ed25519KeyPair.generate();
    currentKeyId = identity.keyId();
    nextKeyId = identity.keyId() + "-next";
    sandbox.addKey(name, next.toJwk(nextKeyId));
    return next;
  }

  @Given(
      "the wallet rotates the client's key out of its key set right after the next outgoing payment")
  public void rotatedAfterPayment() {
    context
        .target()
        .sandbox()
        .misbehave(
            Misbehaviour.clientKeyRotated()
                .forWalletAddress(context.client().identity().walletAddress()));
  }

  @Then("the client's key set lists its next key only")
  public void listsTheNextKeyOnly() {
    String url = context.client().identity().walletAddress();
    List<String> kids =
        context
            .requireSuccess(
                context.act(() -> context.anonymous().walletAddress().getKeys(url)),
                "the client's key set is read")
            .keys()
            .stream()
            .map(Jwk::kid)
            .toList();
    context
        .verdicts()
        .must(
            kids.equals(List.of(nextKeyId)),
            "after the rotation the client's key set lists the next key, not the removed one",
            () -> "lists " + kids);
  }

  @Then(
      "the wallet refused the request signed with the removed key, and served it signed with the"
          + " next key")
  public void refusedThenServed() {
    List<Exchange> exchanges = context.exchanges().all();
    Optional<Exchange> served = Optional.empty();
    for (int i = 0; i < exchanges.size() && served.isEmpty(); i++) {
      Exchange refused = exchanges.get(i);
      if (signedBy(refused, currentKeyId) && status(refused) / 100 == 4) {
        served =
            exchanges.subList(i + 1, exchanges.size()).stream()
                .filter(e -> signedBy(e, nextKeyId) && status(e) / 100 == 2)
                .filter(e -> e.request().requestLine().equals(refused.request().requestLine()))
                .findFirst();
      }
    }
    context
        .verdicts()
        .must(
            served.isPresent(),
            "a request signed with the removed key is refused, and the same request signed with"
                + " the next key is served",
            () ->
                exchanges.stream()
                    .map(e -> e.request().requestLine() + " " + keyId(e) + " -> " + status(e))
                    .toList()
                    .toString());
  }

  private static boolean signedBy(Exchange exchange, String kid) {
    return kid != null && kid.equals(keyId(exchange));
  }

  private static String keyId(Exchange exchange) {
    String input = exchange.request().headers().get("Signature-Input");
    if (input == null) {
      return null;
    }
    Matcher matcher = KEY_ID.matcher(input);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static int status(Exchange exchange) {
    return exchange.receivedResponse().map(r -> r.status()).orElse(0);
  }
}
