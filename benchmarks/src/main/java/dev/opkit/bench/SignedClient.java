package dev.opkit.bench;

import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.signature.HttpMessage;
import dev.opkit.protocol.signature.RequestSigner;
import dev.opkit.protocol.signature.SignedHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * One benchmark client: signs every request with the protocol module's {@link RequestSigner} (RFC
 * 9421, Ed25519 through Bouncy Castle) as the Open Payments SDKs do, sends it over one kept-alive
 * HTTP/1.1 connection (Apache HttpClient 5, classic blocking I/O, which costs the generator about a
 * seventh of the CPU {@code java.net.http} does on JDK 17), and times each exchange, from sending
 * to the whole answer read, into {@link Measurements}. Signing happens before the clock starts. Not
 * thread-safe: one per client thread.
 */
final class SignedClient {
  static final Timeout REQUEST_TIMEOUT = Timeout.ofSeconds(30);

  private final CloseableHttpClient http;
  private final Ed25519KeyPair keys;
  private final String keyId;
  private final RequestSigner signer;
  private final Measurements measurements;
  private List<CapturedRequest> captured;

  /** A signed request as the client built it, before signing. */
  record CapturedRequest(Step step, HttpMessage message) {}

  SignedClient(Ed25519KeyPair keys, String keyId, Measurements measurements) {
    this(newHttpClient(), keys, keyId, measurements);
  }

  private SignedClient(
      CloseableHttpClient http, Ed25519KeyPair keys, String keyId, Measurements measurements) {
    this.http = http;
    this.keys = keys;
    this.keyId = keyId;
    this.signer = new RequestSigner(keys, keyId, Clock.systemUTC());
    this.measurements = measurements;
  }

  private static CloseableHttpClient newHttpClient() {
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                // One kept-alive connection per origin: the journey talks to two providers.
                .setMaxConnTotal(4)
                .setMaxConnPerRoute(1)
                .setDefaultConnectionConfig(
                    ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(REQUEST_TIMEOUT)
                        .build())
                .build())
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(REQUEST_TIMEOUT).build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableContentCompression()
        .disableCookieManagement()
        .build();
  }

  /** The same client (connection, key) recording into other measurements. */
  SignedClient recordingInto(Measurements other) {
    return new SignedClient(http, keys, keyId, other);
  }

  Ed25519KeyPair keys() {
    return keys;
  }

  String keyId() {
    return keyId;
  }

  /** Keeps a copy of every signed request from now on, unsigned, for the crypto baseline. */
  void capture() {
    captured = new ArrayList<>();
  }

  /** The requests kept since {@link #capture()}, and stops keeping them. */
  List<CapturedRequest> captured() {
    List<CapturedRequest> result = List.copyOf(captured);
    captured = null;
    return result;
  }

  /** A signed POST with an optional access token and an optional JSON body. */
  Reply post(Step step, String url, String token, String json, int expected) {
    return signed(step, "POST", url, token, json, expected);
  }

  /** A signed GET with an access token. */
  Reply get(Step step, String url, String token, int expected) {
    return signed(step, "GET", url, token, null, expected);
  }

  /** An unsigned GET, as a browser sends it. */
  Reply browse(Step step, String url, int expected) {
    HttpUriRequestBase request = new HttpUriRequestBase("GET", java.net.URI.create(url));
    request.setHeader("Accept", "text/html");
    return timed(step, request, expected);
  }

  /** An unsigned, untimed GET of a wallet address document, as setup reads it. */
  Reply walletAddress(String url) {
    HttpUriRequestBase request = new HttpUriRequestBase("GET", java.net.URI.create(url));
    request.setHeader("Accept", "application/json");
    Reply reply = exchange("GET " + url, request);
    if (reply.status() != 200) {
      throw new JourneyFailure("GET " + url + " answered " + reply.status());
    }
    return reply;
  }

  private Reply signed(
      Step step, String method, String url, String token, String json, int expected) {
    byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("Authorization", "GNAP " + token);
    }
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    HttpMessage message = new HttpMessage(method, url, headers, body);
    if (captured != null) {
      captured.add(new CapturedRequest(step, message));
    }
    SignedHeaders signed = signer.sign(message);
    HttpUriRequestBase request = new HttpUriRequestBase(method, java.net.URI.create(url));
    headers.forEach(request::setHeader);
    signed.headers().forEach(request::setHeader);
    if (body != null) {
      // No content type on the entity: the client would add "; charset=UTF-8" to the signed value.
      request.setEntity(new ByteArrayEntity(body, null));
    }
    return timed(step, request, expected);
  }

  private Reply timed(Step step, HttpUriRequestBase request, int expected) {
    long started = System.nanoTime();
    Reply reply = exchange(step.request(), request);
    long took = System.nanoTime() - started;
    if (reply.status() != expected) {
      throw new JourneyFailure(
          step.request()
              + " ("
              + step.what()
              + ") answered "
              + reply.status()
              + " instead of "
              + expected
              + ": "
              + reply.abbreviated());
    }
    measurements.request(step, took);
    return reply;
  }

  private Reply exchange(String what, HttpUriRequestBase request) {
    try {
      return http.execute(
          request,
          response -> {
            Header location = response.getFirstHeader("Location");
            String text =
                response.getEntity() == null
                    ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return new Reply(
                response.getCode(), text, Optional.ofNullable(location).map(Header::getValue));
          });
    } catch (IOException e) {
      throw new JourneyFailure(what + " failed: " + e, e);
    }
  }
}
