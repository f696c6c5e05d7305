package dev.opkit.conformance.exchange;

import dev.opkit.client.exchange.Exchange;
import dev.opkit.client.exchange.RecordedRequest;
import dev.opkit.client.exchange.RecordedResponse;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Requests the reference client would refuse to send (tampered signatures, unknown keys,
 * pretty-printed bodies, tokens without signatures), sent with REST Assured exactly as given and
 * recorded in the scenario's {@link ExchangeLog} like the client's own.
 */
public final class RawRequests {
  private static final int TIMEOUT_MILLIS = 10_000;
  private static final RestAssuredConfig CONFIG =
      RestAssuredConfig.config()
          // The signed Content-Type must reach the server unchanged, without a charset added.
          .encoderConfig(
              EncoderConfig.encoderConfig()
                  .appendDefaultContentCharsetToContentTypeIfUndefined(false))
          .httpClient(
              HttpClientConfig.httpClientConfig()
                  .setParam("http.connection.timeout", TIMEOUT_MILLIS)
                  .setParam("http.socket.timeout", TIMEOUT_MILLIS));

  private final ExchangeLog log;

  public RawRequests(ExchangeLog log) {
    this.log = log;
  }

  /**
   * Sends a request.
   *
   * @param operationId the spec's operation, for the record
   * @param headers the header fields to send, exactly
   * @param body the body text, or null for none
   * @param signatureBase the signature base the headers were made from, or null
   */
  public Response send(
      String operationId,
      String method,
      String url,
      Map<String, String> headers,
      String body,
      String signatureBase) {
    RequestSpecification request =
        RestAssured.given()
            .config(CONFIG)
            .urlEncodingEnabled(false)
            .header("Accept", "application/json");
    headers.forEach(request::header);
    if (body != null) {
      request.body(body.getBytes(StandardCharsets.UTF_8));
    }
    long start = System.nanoTime();
    Response response = request.request(method, url);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
    for (Header header : response.headers()) {
      responseHeaders
          .computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(header.getValue());
    }
    log.onExchange(
        new Exchange(
            operationId,
            new RecordedRequest(method, url, headers, body, signatureBase),
            new RecordedResponse(response.statusCode(), responseHeaders, response.asString()),
            null,
            elapsed));
    return response;
  }
}
