package dev.opkit.sandbox.junit5;

import dev.opkit.sandbox.admin.AdminGrant;
import dev.opkit.sandbox.admin.SandboxAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the person on the consent page of a grant in the test's session: opens the page and submits
 * its form with accept or reject, as a browser would (the page's own token included).
 */
public final class ConsentDriver {
  private static final Pattern TOKEN =
      Pattern.compile("<input type=\"hidden\" name=\"consent_token\" value=\"([^\"]+)\">");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final SandboxAdmin admin;

  ConsentDriver(HttpClient http, SandboxAdmin admin) {
    this.http = http;
    this.admin = admin;
  }

  /** Accepts on the consent page at {@code interact.redirect}. */
  public ConsentOutcome accept(String interactRedirect) {
    return decide(interactRedirect, "accept");
  }

  /** Rejects on the consent page at {@code interact.redirect}. */
  public ConsentOutcome reject(String interactRedirect) {
    return decide(interactRedirect, "reject");
  }

  /** Accepts a pending grant of the session on ase1, by its id or continuation URL. */
  public ConsentOutcome acceptGrant(String grant) {
    return accept(redirectOf(grant));
  }

  /** Rejects a pending grant of the session on ase1, by its id or continuation URL. */
  public ConsentOutcome rejectGrant(String grant) {
    return reject(redirectOf(grant));
  }

  private String redirectOf(String grant) {
    AdminGrant found = admin.grant(GrantIds.of(admin, grant));
    if (found.interaction() == null) {
      throw new IllegalStateException("grant " + found.id() + " has no consent page");
    }
    return found.interaction().redirect();
  }

  private ConsentOutcome decide(String redirect, String decision) {
    HttpResponse<String> page =
        send(HttpRequest.newBuilder(URI.create(redirect)).timeout(TIMEOUT).GET().build());
    Matcher token = TOKEN.matcher(page.body());
    if (page.statusCode() != 200 || !token.find()) {
      throw new IllegalStateException(
          "the consent page " + redirect + " answered " + page.statusCode() + " without a form");
    }
    String form =
        "decision="
            + decision
            + "&consent_token="
            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(URI.create(redirect))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    return new ConsentOutcome(
        answer.statusCode(), answer.headers().firstValue("Location").orElse(null));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
