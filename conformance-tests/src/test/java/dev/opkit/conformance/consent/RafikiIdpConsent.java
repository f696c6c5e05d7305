package dev.opkit.conformance.consent;

import dev.opkit.client.interaction.FinishRedirect;
import dev.opkit.client.interaction.HeadlessInteraction.Decision;
import dev.opkit.client.interaction.Interaction;
import dev.opkit.client.interaction.InteractionResult;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consent through a Rafiki wallet's identity-provider API, as Rafiki's own integration tests give
 * it (PROTOCOL.md §4.2): the kit opens the interaction at {@code interact.redirect} like a browser
 * (Rafiki answers with a redirect to its identity provider, naming the interaction id and nonce,
 * and a session cookie), answers for the user with {@code POST {idp}/grant/{id}/{nonce}/accept} (or
 * {@code reject}) carrying the shared secret in {@code x-idp-secret}, and then follows {@code
 * {auth}/interact/{id}/{nonce}/finish} with the session cookie, whose redirect to the finish URI
 * carries the result. The secret goes only to the identity-provider API and never into messages.
 */
public final class RafikiIdpConsent implements Consent {
  /** The header Rafiki's identity-provider routes read the shared secret from. */
  static final String SECRET_HEADER = "x-idp-secret";

  // Rafiki's interaction start is content-negotiated: a browser's Accept is redirected, a request
  // for text/html alone is not (PROTOCOL.md §11).
  private static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  private final URI idp;
  private final String secret;
  private final String finishUri;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param idpUrl the identity-provider API's base URL (Rafiki's auth interaction port), e.g.
   *     {@code http://localhost:3009}
   * @param finishUri the finish URI to give the wallet; nothing needs to listen there
   */
  public RafikiIdpConsent(String idpUrl, String secret, String finishUri, Duration timeout) {
    this.idp = URI.create(idpUrl.endsWith("/") ? idpUrl : idpUrl + "/");
    this.secret = secret;
    this.finishUri = finishUri;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
  }

  @Override
  public String finishUri() {
    return finishUri;
  }

  @Override
  public InteractionResult answer(Interaction interaction, Decision decision) {
    URI start = URI.create(interaction.redirect());
    HttpResponse<String> started =
        send(HttpRequest.newBuilder(start).header("Accept", BROWSER_ACCEPT).GET(), "start");
    Optional<URI> location = location(start, started);
    if (started.statusCode() / 100 != 3 || location.isEmpty()) {
      throw new ConsentFailure(
          "opening the interaction "
              + start
              + " answered "
              + started.statusCode()
              + " instead of a redirect to the identity provider: "
              + abbreviate(started.body()));
    }
    if (location.get().toString().startsWith(finishUri)) {
      // The wallet ended the interaction at once (expired, already used): its redirect says why.
      return FinishRedirect.read(location.get());
    }
    String cookie = sessionCookie(started);
    Map<String, String> query = query(location.get());
    String[] fromPath = idAndNonce(start);
    String id = query.getOrDefault("interactId", fromPath[0]);
    String nonce = query.getOrDefault("nonce", fromPath[1]);
    if (id == null || nonce == null) {
      throw new ConsentFailure(
          "cannot tell the interaction id and nonce from "
              + start
              + " or its redirect "
              + location.get());
    }

    URI choice = idp.resolve("grant/" + id + "/" + nonce + "/" + Consent.word(decision));
    HttpResponse<String> chosen =
        send(
            HttpRequest.newBuilder(choice)
                .header(SECRET_HEADER, secret)
                .POST(HttpRequest.BodyPublishers.noBody()),
            "choice");
    if (chosen.statusCode() == 401) {
      throw new ConsentFailure(
          "Rafiki's identity-provider API refused the shared secret ("
              + choice
              + " answered 401: "
              + abbreviate(chosen.body())
              + "); check opkit.consent.rafiki-idp-secret");
    }
    if (chosen.statusCode() != 202) {
      throw new ConsentFailure(
          "POST "
              + choice
              + " answered "
              + chosen.statusCode()
              + " instead of 202: "
              + abbreviate(chosen.body()));
    }

    URI finish =
        URI.create(
            start.getScheme()
                + "://"
                + start.getRawAuthority()
                + stripTrailingSlash(start.getRawPath())
                + "/finish");
    HttpRequest.Builder finishing = HttpRequest.newBuilder(finish).GET();
    if (!cookie.isEmpty()) {
      finishing.header("Cookie", cookie);
    }
    HttpResponse<String> finished = send(finishing, "finish");
    Optional<URI> redirect = location(finish, finished);
    if (finished.statusCode() / 100 != 3 || redirect.isEmpty()) {
      throw new ConsentFailure(
          "finishing the interaction at "
              + finish
              + " answered "
              + finished.statusCode()
              + " instead of a redirect to the finish URI: "
              + abbreviate(finished.body()));
    }
    return FinishRedirect.read(redirect.get());
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String step) {
    HttpRequest built = request.timeout(timeout).build();
    try {
      return http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConsentFailure(
          "no answer to the consent's " + step + " request " + built.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConsentFailure("interrupted during the consent's " + step + " request", e);
    }
  }

  private static Optional<URI> location(URI base, HttpResponse<?> response) {
    return response.headers().firstValue("Location").map(base::resolve);
  }

  /** The cookies the interaction start set, as a {@code Cookie} header (name=value pairs). */
  private static String sessionCookie(HttpResponse<?> response) {
    List<String> pairs = new ArrayList<>();
    for (String header : response.headers().allValues("Set-Cookie")) {
      for (HttpCookie cookie : HttpCookie.parse(header)) {
        pairs.add(cookie.getName() + "=" + cookie.getValue());
      }
    }
    return String.join("; ", pairs);
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> parameters = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        parameters.putIfAbsent(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return parameters;
  }

  /** The id and nonce of {@code …/interact/{id}/{nonce}}, or nulls. */
  private static String[] idAndNonce(URI start) {
    String[] segments = stripTrailingSlash(start.getRawPath()).split("/");
    for (int i = 0; i + 2 < segments.length; i++) {
      if ("interact".equals(segments[i])) {
        return new String[] {segments[i + 1], segments[i + 2]};
      }
    }
    return new String[] {null, null};
  }

  private static String stripTrailingSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static String abbreviate(String body) {
    String text = body == null ? "" : body.strip();
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
