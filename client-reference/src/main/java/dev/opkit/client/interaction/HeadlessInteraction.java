package dev.opkit.client.interaction;

import dev.opkit.protocol.gnap.FinishUri;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/**
 * Consent without a browser, for this project's sandbox: loads the consent page at {@code
 * interact.redirect}, submits its form as a user would (every field the form holds, such as the
 * page's consent token, plus the button {@code decision=accept} or {@code reject}), and reads the
 * finish redirect from the {@code Location} of the answer. Real wallets need a person; use {@link
 * LocalCallbackInteraction} there.
 */
public final class HeadlessInteraction implements InteractionHandler {
  /** What the simulated user answers. */
  public enum Decision {
    ACCEPT("accept"),
    REJECT("reject");

    private final String formValue;

    Decision(String formValue) {
      this.formValue = formValue;
    }
  }

  private final String finishUri;
  private final Decision decision;
  private final Duration timeout;

  /**
   * @param finishUri the finish URI to give the authorization server; nothing needs to listen there
   * @param decision what to answer on the consent page
   * @param timeout how long to wait for each of the two requests
   * @throws IllegalArgumentException when {@code finishUri} breaks {@link FinishUri#RULE}
   */
  public HeadlessInteraction(String finishUri, Decision decision, Duration timeout) {
    this.finishUri = Objects.requireNonNull(finishUri, "finishUri");
    FinishUri.problem(finishUri)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(
                  FinishUri.RULE + "; got '" + finishUri + "': " + problem);
            });
    this.decision = Objects.requireNonNull(decision, "decision");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** Accepts, with the guide's finish URI {@code http://localhost:3344}. */
  public static HeadlessInteraction accepting() {
    return new HeadlessInteraction(
        LocalCallbackInteraction.DEFAULT_FINISH_URI, Decision.ACCEPT, Duration.ofSeconds(10));
  }

  @Override
  public String finishUri() {
    return finishUri;
  }

  @Override
  public InteractionResult interact(Interaction interaction) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(timeout)
            .build();
    URI consentPage = URI.create(interaction.redirect());
    HttpClient noRedirects =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(http.cookieHandler().orElseThrow())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
    HttpRequest get = HttpRequest.newBuilder(consentPage).timeout(timeout).GET().build();
    HttpResponse<String> first = send(noRedirects, get);
    Optional<URI> back =
        first
            .headers()
            .firstValue("Location")
            .filter(location -> first.statusCode() / 100 == 3)
            .map(consentPage::resolve)
            .filter(location -> location.toString().startsWith(interaction.finishUri()));
    if (back.isPresent()) {
      // The wallet sends the user straight back (an expired or finished interaction).
      return FinishRedirect.read(back.get());
    }
    // a redirect elsewhere (e.g. a login page in front of the consent page) is followed
    HttpResponse<String> page = first.statusCode() / 100 == 3 ? send(http, get) : first;
    if (page.statusCode() != 200) {
      throw new ConsentPageException(
          "the consent page "
              + consentPage
              + " answered "
              + page.statusCode()
              + " instead of 200: "
              + abbreviate(page.body()));
    }
    ConsentForm form = ConsentForm.read(page);
    HttpResponse<String> answer =
        send(
            noRedirects,
            HttpRequest.newBuilder(form.action())
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.body(decision.formValue)))
                .build());
    Optional<String> location = answer.headers().firstValue("Location");
    if (answer.statusCode() / 100 != 3 || location.isEmpty()) {
      throw new ConsentPageException(
          "submitting decision="
              + decision.formValue
              + " to "
              + form.action()
              + " answered "
              + answer.statusCode()
              + " without a redirect: "
              + abbreviate(answer.body()));
    }
    return FinishRedirect.read(form.action().resolve(location.get()));
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConsentPageException(
          request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConsentPageException("interrupted while loading " + request.uri(), e);
    }
  }

  /** The consent page's POST form: where it goes and the fields it sends besides the button. */
  private record ConsentForm(URI action, List<String> fields) {
    static ConsentForm read(HttpResponse<String> page) {
      URI pageUri = page.uri();
      Element found = Jsoup.parse(page.body(), pageUri.toString()).selectFirst("form[method=post]");
      if (!(found instanceof FormElement form)) {
        throw new ConsentPageException(
            "the consent page " + pageUri + " has no POST form: " + abbreviate(page.body()));
      }
      String action = form.attr("action");
      List<String> fields = new ArrayList<>();
      // formData() holds what a browser submits without the clicked button: hidden and filled
      // fields, such as the consent token that binds the answer to this page.
      form.formData().stream()
          .filter(field -> !field.key().equals("decision"))
          .forEach(field -> fields.add(encode(field.key()) + "=" + encode(field.value())));
      return new ConsentForm(action.isBlank() ? pageUri : pageUri.resolve(action), fields);
    }

    String body(String decision) {
      List<String> all = new ArrayList<>(fields);
      all.add("decision=" + encode(decision));
      return String.join("&", all);
    }

    private static String encode(String text) {
      return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
  }

  private static String abbreviate(String body) {
    String text = body == null ? "" : body.strip();
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
