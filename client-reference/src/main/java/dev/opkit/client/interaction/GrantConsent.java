package dev.opkit.client.interaction;

import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.client.Pause;
import dev.opkit.client.StepListener;
import dev.opkit.client.error.ApiErrorException;
import dev.opkit.client.error.OpenPaymentsException;
import dev.opkit.protocol.gnap.GnapErrorCode;
import dev.opkit.protocol.model.AccessToken;
import dev.opkit.protocol.model.Continue;
import dev.opkit.protocol.model.GrantResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Finishes an interactive grant (RFC 9635 §4, §5.1; the guide's steps 7–9): has the handler get the
 * user's consent, verifies the finish {@code hash} (either encoding), waits the continuation's
 * {@code wait}, and continues the grant with the {@code interact_ref}, trying again when the server
 * answers {@code too_fast}. A grant whose interaction failed is cancelled, best effort.
 */
public final class GrantConsent {
  private static final int CONTINUE_ATTEMPTS = 4;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OpenPaymentsClient client;
  private final Clock clock;
  private final Pause pause;
  private final StepListener steps;

  /**
   * @param clock measures how long ago the grant answer arrived, for {@code wait}
   * @param pause waits before continuing
   * @param steps hears one line per step
   */
  public GrantConsent(OpenPaymentsClient client, Clock clock, Pause pause, StepListener steps) {
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pause = Objects.requireNonNull(pause, "pause");
    this.steps = Objects.requireNonNull(steps, "steps");
  }

  /** A fresh random {@code interact.finish.nonce}: 128 bits, base64url. */
  public static String newNonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** How getting consent ended. */
  public sealed interface Outcome permits Issued, Rejected, Failed {}

  /** Consent given and the grant continued: the answer carries the access token. */
  public record Issued(GrantResponse grant) implements Outcome {
    /** The issued access token. */
    public AccessToken accessToken() {
      return grant.accessToken();
    }
  }

  /** The user said no. */
  public record Rejected(String detail) implements Outcome {}

  /** The interaction did not finish or could not be trusted; the detail says why. */
  public record Failed(String detail) implements Outcome {}

  /**
   * Runs the interaction and, when approved, continues the grant.
   *
   * @param continuation the pending grant's {@code continue}
   * @param requestedAt when the grant answer arrived, by this object's clock
   */
  public Outcome obtain(
      Interaction interaction,
      Continue continuation,
      Instant requestedAt,
      InteractionHandler handler) {
    InteractionResult result;
    try {
      result = handler.interact(interaction);
    } catch (ConsentPageException e) {
      return failed(continuation, e.getMessage());
    }
    if (result instanceof InteractionResult.TimedOut timedOut) {
      return failed(
          continuation, "no finish redirect came within " + timedOut.waitedSeconds() + " s");
    }
    if (result instanceof InteractionResult.Refused refused) {
      if (refused.rejectedByUser()) {
        steps.onStep("consent rejected", refused.describe());
        return new Rejected("the user rejected the grant (" + refused.describe() + ")");
      }
      return failed(continuation, "the interaction did not finish: " + refused.describe());
    }
    InteractionResult.Approved approved = (InteractionResult.Approved) result;
    if (!interaction.hashMatches(approved.interactRef(), approved.hash())) {
      return failed(
          continuation,
          "the finish redirect's hash does not match this grant request, so the redirect is not"
              + " trusted");
    }
    steps.onStep(
        "consent given", "interact_ref " + approved.interactRef() + ", finish hash verified");
    GrantResponse issued = continueGrant(continuation, requestedAt, approved.interactRef());
    AccessToken token = issued.accessToken();
    if (token == null) {
      return failed(continuation, "the grant continuation answered without an access token");
    }
    steps.onStep(
        "grant continued",
        "access token issued"
            + (token.expiresIn() == null ? "" : ", expires in " + token.expiresIn() + " s")
            + "; manage URL "
            + token.manage());
    return new Issued(issued);
  }

  private GrantResponse continueGrant(Continue continuation, Instant requestedAt, String ref) {
    Integer waitSeconds = continuation.waitSeconds();
    Duration wait = Duration.ofSeconds(waitSeconds == null ? 0 : waitSeconds);
    Duration elapsed = Duration.between(requestedAt, clock.instant());
    if (elapsed.compareTo(wait) < 0) {
      pause.sleep(wait.minus(elapsed));
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return client.grant().continueGrant(continuation, ref);
      } catch (ApiErrorException e) {
        if (!e.is(GnapErrorCode.TOO_FAST) || attempt >= CONTINUE_ATTEMPTS) {
          throw e;
        }
        Duration again = wait.isZero() ? Duration.ofSeconds(1) : wait;
        steps.onStep("continuation too early", "waiting " + again.toSeconds() + " s");
        pause.sleep(again);
      }
    }
  }

  private Failed failed(Continue continuation, String detail) {
    try {
      client.grant().cancel(continuation);
    } catch (OpenPaymentsException e) {
      // The grant stays pending at the wallet and expires there; nothing else to undo.
      steps.onStep("pending grant not cancelled", e.getMessage());
    }
    steps.onStep("consent failed", detail);
    return new Failed(detail);
  }
}
