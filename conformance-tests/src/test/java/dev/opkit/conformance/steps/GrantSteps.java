package dev.opkit.conformance.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.client.interaction.HeadlessInteraction;
import dev.opkit.client.interaction.Interaction;
import dev.opkit.client.interaction.InteractionResult;
import dev.opkit.conformance.grading.KnownDivergence;
import dev.opkit.conformance.targets.NotOnThisTarget;
import dev.opkit.conformance.targets.Role;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.gnap.FinishHash;
import dev.opkit.protocol.gnap.HashEncoding;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.GrantClient;
import dev.opkit.protocol.model.Limits;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.UUID;

/**
 * GNAP grants (auth-server spec {@code post-request}, {@code post-continue}, {@code
 * delete-continue}; RFC 9635 §2–§5): non-interactive grants for incoming payments and quotes, the
 * interactive outgoing-payment grant with the user's consent, continuation and revocation.
 */
public final class GrantSteps {
  private final ScenarioContext context;
  private final Grants grants;
  private final Payments payments;
  private final HandSignedRequests hand;
  private final AnswerSteps answers;

  public GrantSteps(
      ScenarioContext context,
      Grants grants,
      Payments payments,
      HandSignedRequests hand,
      AnswerSteps answers) {
    this.context = context;
    this.grants = grants;
    this.payments = payments;
    this.hand = hand;
    this.answers = answers;
  }

  @Given("the client holds an incoming-payment grant for the receiver's wallet")
  public void holdsAnIncomingPaymentGrant() {
    grants.incomingPaymentToken();
  }

  @Given("the client holds a quote grant for the sender's wallet")
  public void holdsAQuoteGrant() {
    grants.quoteToken();
  }

  @Given("the client holds a quote grant for the receiver's wallet")
  public void holdsAQuoteGrantAtTheReceiver() {
    context.requireSuccess(
        grants.request(Role.RECEIVER, Grants.quoteAccess()), "a quote grant is issued");
  }

  @When("the client asks the receiver's authorization server for an incoming-payment grant")
  public void asksForAnIncomingPaymentGrant() {
    grants.request(Role.RECEIVER, grants.incomingPaymentAccess());
  }

  @When("the client gets an incoming-payment grant from the receiver's authorization server")
  public void getsAnIncomingPaymentGrant() {
    context.requireSuccess(
        grants.request(Role.RECEIVER, grants.incomingPaymentAccess()),
        "the incoming-payment grant is issued (the guide's step 2)");
  }

  @When("the client asks the sender's authorization server for a quote grant")
  public void asksForAQuoteGrant() {
    grants.request(Role.SENDER, Grants.quoteAccess());
  }

  @When("the client gets a quote grant from the sender's authorization server")
  public void getsAQuoteGrant() {
    context.requireSuccess(
        grants.request(Role.SENDER, Grants.quoteAccess()),
        "the quote grant is issued (the guide's step 4)");
  }

  @When("the client asks the sender's authorization server for access of the unknown type {string}")
  public void asksForAnUnknownAccessType(String type) {
    ObjectNode item = Json.mapper().createObjectNode();
    item.put("type", type);
    item.putArray("actions").add("create");
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode access = body.putObject("access_token").putArray("access");
    access.add(item);
    body.set(
        "client",
        Json.toTree(GrantClient.walletAddressString(context.client().identity().walletAddress())));
    hand.sendSigned(
        "post-request", "POST", context.wallet(Role.SENDER).authServer(), null, Json.write(body));
  }

  @When(
      "the client asks for an outgoing-payment grant of {amount} from the sender's wallet without offering interaction")
  public void asksForAnOutgoingPaymentGrantWithoutInteraction(String amount) {
    grants.requestOutgoing(
        new Limits(null, null, payments.amount(Role.SENDER, amount), null), false);
  }

  @When(
      "the client asks for an outgoing-payment grant limiting both the debit amount and the receive amount")
  public void asksForAGrantLimitingBothAmounts() {
    Amount ten = payments.amount(Role.SENDER, "10.00");
    grants.requestOutgoing(new Limits(null, null, ten, ten), true);
  }

  @When(
      "the client asks for an outgoing-payment grant of {amount} every {duration} from the sender's wallet")
  public void asksForAnOutgoingPaymentGrant(String amount, String duration) {
    grants.requestOutgoing(
        payments.amount(Role.SENDER, amount), grants.intervalFrom(duration, null));
  }

  @When(
      "the client asks for an outgoing-payment grant of {amount} every {duration}, {int} times, from the sender's wallet")
  public void asksForAnOutgoingPaymentGrantRepeated(String amount, String duration, int times) {
    grants.requestOutgoing(
        payments.amount(Role.SENDER, amount), grants.intervalFrom(duration, times));
  }

  @Given(
      "the client asked for an outgoing-payment grant of {amount} every {duration} from the sender's wallet")
  public void askedForAnOutgoingPaymentGrant(String amount, String duration) {
    context.requireSuccess(
        grants.requestOutgoing(
            payments.amount(Role.SENDER, amount), grants.intervalFrom(duration, null)),
        "the outgoing-payment grant request is answered");
    grants.pending();
  }

  @Given("the user granted the client outgoing payments of up to {amount} from the sender's wallet")
  public void theUserGranted(String amount) {
    grants.grantOutgoing(payments.amount(Role.SENDER, amount), null);
  }

  @Given(
      "the user granted the client outgoing payments of up to {amount} every {duration} from the sender's wallet")
  public void theUserGrantedPerInterval(String amount, String duration) {
    grants.grantOutgoing(payments.amount(Role.SENDER, amount), grants.intervalFrom(duration, null));
  }

  @Given(
      "the user granted the client outgoing payments of up to {amount} every {duration}, {int} times, from the sender's wallet")
  public void theUserGrantedRepeated(String amount, String duration, int times) {
    grants.grantOutgoing(
        payments.amount(Role.SENDER, amount), grants.intervalFrom(duration, times));
  }

  @Then("the wallet asks the user to interact before granting")
  public void theWalletAsksForInteraction() {
    context
        .refusal()
        .ifPresent(
            e -> context.verdicts().must(false, "the grant request is answered", e::getMessage));
    JsonNode json = context.answerJson();
    context
        .verdicts()
        .must(
            json.path("interact").isObject() && !json.has("access_token"),
            "an outgoing-payment grant is issued only after the user interacts: the answer has"
                + " interact and no access_token (Open Payments, RFC 9635 §3.3)",
            json::toString);
  }

  @Then("the answer says where to send the user, gives a nonce of its own, and how to continue")
  public void theAnswerSaysHowToInteract() {
    JsonNode json = context.answerJson();
    context
        .verdicts()
        .must(
            json.path("interact").path("redirect").asText("").startsWith("http")
                && !json.path("interact").path("finish").asText("").isBlank(),
            "the interaction answer has interact.redirect (a URL) and interact.finish (the server's"
                + " nonce) (RFC 9635 §3.3.1, §3.3.5)",
            () -> json.path("interact").toString());
    JsonNode continuation = json.path("continue");
    context
        .verdicts()
        .must(
            continuation.path("uri").asText("").startsWith("http")
                && !continuation.path("access_token").path("value").asText("").isBlank(),
            "the answer says how to continue: continue.uri and continue.access_token.value"
                + " (RFC 9635 §3.1)",
            continuation::toString);
    context
        .verdicts()
        .must(
            !continuation.has("wait")
                || continuation.path("wait").canConvertToInt()
                    && continuation.path("wait").asInt() >= 0,
            "continue.wait, when present, is a number of seconds (RFC 9635 §3.1)",
            continuation::toString);
  }

  @When("the user accepts the grant")
  @Given("the user accepted the grant")
  public void theUserAccepts() {
    grants.answerConsent(HeadlessInteraction.Decision.ACCEPT);
  }

  @When("the user rejects the grant")
  public void theUserRejects() {
    grants.answerConsent(HeadlessInteraction.Decision.REJECT);
  }

  @Then("the user comes back with an interaction reference and a hash")
  public void theUserComesBackApproved() {
    InteractionResult result = grants.consent();
    context
        .verdicts()
        .must(
            result instanceof InteractionResult.Approved,
            "after the user accepts, the wallet sends the user to the finish URI with hash and"
                + " interact_ref (RFC 9635 §4.2.1)",
            result::toString);
  }

  @Then("the user comes back without an interaction reference")
  public void theUserComesBackRefused() {
    InteractionResult result = grants.consent();
    context
        .verdicts()
        .must(
            result instanceof InteractionResult.Refused,
            "after the user rejects, the finish redirect carries no interact_ref (RFC 9635 §4.2.1)",
            result::toString);
  }

  @Then("the hash proves the answer came from the sender's authorization server")
  public void theHashProvesTheServer() {
    InteractionResult result = grants.consent();
    if (!(result instanceof InteractionResult.Approved approved)) {
      context.verdicts().must(false, "the user came back with a hash", result::toString);
      return;
    }
    Interaction interaction = grants.pending().interaction();
    FinishHash expected =
        new FinishHash(
            interaction.clientNonce(),
            interaction.serverNonce(),
            approved.interactRef(),
            interaction.grantEndpoint());
    String received = approved.hash();
    if (received.equals(expected.encode(HashEncoding.STANDARD_PADDED))
        && !received.equals(expected.encode(HashEncoding.URL_UNPADDED))) {
      context
          .verdicts()
          .divergence(KnownDivergence.FINISH_HASH_STANDARD_BASE64, "hash=" + received);
      return;
    }
    context
        .verdicts()
        .must(
            received.equals(expected.encode(HashEncoding.URL_UNPADDED)),
            "the finish hash is SHA-256 over the client nonce, the server nonce, the"
                + " interact_ref and the grant endpoint, in base64url (RFC 9635 §4.2.3)",
            () ->
                "hash="
                    + received
                    + ", expected "
                    + expected.encode(HashEncoding.URL_UNPADDED)
                    + " for "
                    + interaction.grantEndpoint());
  }

  @When("the client continues the grant with the interaction reference")
  @When("the wait is over and the client continues the grant with the interaction reference")
  @When("the client continues the grant with the interaction reference again")
  public void continuesTheGrant() {
    grants.continueGrant(grants.interactRef(), true);
  }

  @Given("the client continued the grant")
  public void continuedTheGrant() {
    context.requireSuccess(
        grants.continueGrant(grants.interactRef(), true), "the grant is continued");
  }

  @When("the client tries to continue the grant all the same")
  public void triesToContinue() {
    grants.poll();
  }

  @When("the client continues the grant at once, without waiting")
  public void continuesAtOnce() {
    Grants.Pending grant = grants.pending();
    Integer wait = grant.continuation().waitSeconds();
    if (wait != null
        && wait > 0
        && !grants.now().isBefore(grant.lastContinuedAt().plusSeconds(wait))) {
      // A wallet counts the wait from the grant request; a person who took longer than that to
      // consent leaves nothing to be too fast for.
      throw new NotOnThisTarget(
          "the consent took longer than the grant's wait of "
              + wait
              + " s, so continuing at once is no longer too fast; automated consent"
              + " (opkit.consent.command or opkit.consent.rafiki-idp-url) answers in time");
    }
    grants.continueGrant(grants.interactRef(), false);
  }

  @When("the client continues the grant with an interaction reference of its own making")
  public void continuesWithAWrongReference() {
    grants.continueGrant(UUID.randomUUID().toString(), true);
  }

  @Then("an access token for outgoing payments is issued")
  public void anOutgoingPaymentTokenIsIssued() {
    context
        .refusal()
        .ifPresent(e -> context.verdicts().must(false, "the grant is continued", e::getMessage));
    JsonNode token = context.answerJson().path("access_token");
    context
        .verdicts()
        .must(
            token.path("value").isTextual()
                && "outgoing-payment".equals(token.path("access").path(0).path("type").asText()),
            "continuing a consented grant issues its access token (RFC 9635 §5.1)",
            token::toString);
  }

  @Then("the access token carries the limits that were asked for")
  public void theTokenCarriesTheLimits() {
    JsonNode limits =
        context.answerJson().path("access_token").path("access").path(0).path("limits");
    JsonNode asked = Json.toTree(grants.requested().limits());
    context
        .verdicts()
        .must(
            limits.equals(asked),
            "the access token's access carries the limits the grant asked for (auth-server spec,"
                + " access-outgoing)",
            () -> "asked " + asked + ", token carries " + limits);
  }

  @Then("the access token comes with a management URL and the access that was asked for")
  public void theTokenComesWithManagementAndAccess() {
    JsonNode token = context.answerJson().path("access_token");
    context
        .verdicts()
        .must(
            token.path("manage").asText("").startsWith("http"),
            "an access token comes with its management URL (RFC 9635 §3.2.1)",
            token::toString);
    AccessItem asked = grants.requested();
    JsonNode item = token.path("access").path(0);
    context
        .verdicts()
        .must(
            asked.type().wireName().equals(item.path("type").asText())
                && Json.toTree(asked.actions()).equals(item.path("actions"))
                && (asked.identifier() == null
                    || asked.identifier().equals(item.path("identifier").asText())),
            "the access token grants the access that was asked for (RFC 9635 §3.2.1)",
            () -> "asked " + Json.write(asked) + ", got " + item);
  }

  @Then("continuing the grant is refused")
  public void continuingIsRefused() {
    String rule =
        "a grant that the user rejected, or whose token was already issued, is not continued"
            + " (RFC 9635 §5.1)";
    context
        .expectRefusal(rule)
        .ifPresent(
            error -> {
              context
                  .verdicts()
                  .expect(error.status() / 100 == 4, rule, () -> "answered " + error.status());
              context
                  .verdicts()
                  .should(
                      error.code().filter("request_denied"::equals).isPresent(),
                      "the refusal says request_denied (RFC 9635 §3.6)",
                      () -> "error code " + error.code().orElse("(none)"));
            });
    if (grants.consent() instanceof InteractionResult.Refused) {
      context
          .verdicts()
          .must(!hasOutgoingToken(), "no token for a rejected grant", () -> "a token was issued");
    }
  }

  private boolean hasOutgoingToken() {
    try {
      grants.token(AccessType.OUTGOING_PAYMENT);
      return true;
    } catch (IllegalStateException none) {
      return false;
    }
  }

  @Then("the authorization server does not know that continuation")
  public void theContinuationIsUnknown() {
    String rule =
        "an interact_ref that is not the grant's is refused with 404 invalid_continuation"
            + " (auth-server spec, post-continue)";
    context
        .expectRefusal(rule)
        .ifPresent(
            error -> {
              context
                  .verdicts()
                  .expect(error.status() == 404, rule, () -> "answered " + error.status());
              answers.requireGnapCode(rule, "invalid_continuation");
            });
  }

  @Then("the authorization server answers that the client is too fast")
  public void theClientIsTooFast() {
    String rule =
        "continuing before continue.wait has passed is refused with 400 too_fast (RFC 9635 §5)";
    context
        .expectRefusal(rule)
        .ifPresent(
            error -> {
              context
                  .verdicts()
                  .expect(error.status() == 400, rule, () -> "answered " + error.status());
              answers.requireGnapCode(rule, "too_fast");
            });
  }

  @When("the client revokes the grant")
  public void revokesTheGrant() {
    context.act(() -> context.client().grant().cancel(grants.pending().continuation()));
  }
}
