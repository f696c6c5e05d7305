package dev.opkit.conformance.standin;

import dev.opkit.client.interaction.HeadlessInteraction;
import dev.opkit.client.interaction.Interaction;
import dev.opkit.client.interaction.InteractionResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A test double for an operator's consent command ({@code opkit.consent.command}) when this
 * project's sandbox stands in for a real wallet: it answers the sandbox's consent page headlessly
 * and prints the finish redirect on its standard output, where the kit reads it.
 *
 * <p>Arguments, as the kit gives them: the consent URL, {@code accept} or {@code reject}, the
 * finish URI.
 */
public final class SandboxConsentScript {
  private SandboxConsentScript() {}

  public static void main(String[] args) {
    String page = args[0];
    HeadlessInteraction.Decision decision =
        HeadlessInteraction.Decision.valueOf(args[1].toUpperCase(Locale.ROOT));
    String finishUri = args[2];
    InteractionResult result =
        new HeadlessInteraction(finishUri, decision, Duration.ofSeconds(20))
            .interact(new Interaction(page, finishUri, "-", "-", "-"));
    String query = "result=timed_out";
    if (result instanceof InteractionResult.Approved approved) {
      query = "hash=" + encode(approved.hash()) + "&interact_ref=" + encode(approved.interactRef());
    } else if (result instanceof InteractionResult.Refused refused) {
      query =
          "result="
              + encode(refused.result() == null ? "" : refused.result())
              + (refused.message() == null ? "" : "&message=" + encode(refused.message()));
    }
    System.out.println(finishUri + "?" + query);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
