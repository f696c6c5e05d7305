package dev.opkit.mock.robustness;

import dev.opkit.protocol.signature.RequestSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request signed once and kept, so that the very same bytes (signature included) can be sent
 * again, as an attacker replaying a captured request would. Sent with {@code java.net.http}.
 */
final class SignedExchange {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final String method;
  private final String url;
  private final Map<String, String> headers;
  private final byte[] body;

  private SignedExchange(String method, String url, Map<String, String> headers, byte[] body) {
    this.method = method;
    this.url = url;
    this.headers = Map.copyOf(headers);
    this.body = body;
  }

  /** Signs a request with an optional access token and optional JSON body. */
  static SignedExchange sign(
      RequestSigner signer, String method, String url, String token, String json) {
    byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("Authorization", "GNAP " + token);
    }
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    headers.putAll(signer.sign(method, url, headers, body).headers());
    return new SignedExchange(method, url, headers, body);
  }

  /** Sends the signed request (again). */
  HttpResponse<String> send() throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The header fields as signed, for sending them some other way. */
  Map<String, String> headers() {
    return headers;
  }

  byte[] body() {
    return body.clone();
  }
}
