package dev.opkit.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.client.error.ApiErrorException;
import dev.opkit.client.error.ResponseValidationException;
import dev.opkit.client.error.RetryAfter;
import dev.opkit.client.error.TransportException;
import dev.opkit.client.error.TransportFailure;
import dev.opkit.client.exchange.Exchange;
import dev.opkit.client.exchange.ExchangeListener;
import dev.opkit.client.exchange.RecordedRequest;
import dev.opkit.client.exchange.RecordedResponse;
import dev.opkit.protocol.ProtocolException;
import dev.opkit.protocol.json.InvalidJsonException;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.model.ErrorResponse;
import dev.opkit.protocol.model.Inconsistency;
import dev.opkit.protocol.openapi.SchemaValidator;
import dev.opkit.protocol.openapi.SchemaViolation;
import dev.opkit.protocol.signature.SignedHeaders;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one Open Payments request and reads its answer: sets {@code Accept} and {@code
 * Authorization: GNAP <token>}, writes the body as compact JSON, signs every POST and every request
 * with a token (the Node SDK's rule; PROTOCOL.md §3), reports the exchange to the listener, turns
 * error answers and transport failures into typed exceptions, and checks success bodies against the
 * spec when a validator is configured. Immutable and thread-safe.
 */
final class Transport {
  /**
   * The schema keyword of a field the description does not list. Deployed wallets add fields
   * (Rafiki's {@code cardService}, extensions) that the 1.3.0 descriptions close off with {@code
   * additionalProperties: false}; a client that refused them would stop working on the next wallet
   * release, so unknown fields are ignored while every listed one is still checked.
   */
  static final String UNKNOWN_PROPERTY = "additionalProperties";

  private static final String JSON = "application/json";
  private static final String CONSISTENCY = "consistency";
  private static final String CONSISTENCY_RULES = "dev.opkit.protocol.model.ResourceChecks";

  private final HttpClient http;
  private final Duration requestTimeout;
  private final SigningKeys signer;
  private final SchemaValidator validator;
  private final ExchangeListener listener;

  Transport(
      HttpClient http,
      Duration requestTimeout,
      SigningKeys signer,
      SchemaValidator validator,
      ExchangeListener listener) {
    this.http = http;
    this.requestTimeout = requestTimeout;
    this.signer = signer;
    this.validator = validator;
    this.listener = listener;
  }

  /**
   * Sends a request and returns its 2xx answer.
   *
   * @param accessToken the GNAP token for {@code Authorization}, or null
   * @param body the request body as a wire record, or null for none
   * @throws ApiErrorException for any other status
   * @throws TransportException when no answer arrived
   */
  Answer call(Endpoint endpoint, String url, String accessToken, Object body) {
    URI uri = absoluteUri(url);
    byte[] bytes = body == null ? null : Json.writeBytes(body);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", JSON);
    if (accessToken != null) {
      headers.put("Authorization", "GNAP " + accessToken);
    }
    if (bytes != null) {
      headers.put("Content-Type", JSON);
    }
    boolean signed = "POST".equals(endpoint.method()) || accessToken != null;
    if (signed && signer == null) {
      throw new IllegalStateException(
          endpoint.operationId() + " must be signed; use an authenticated client");
    }
    HttpResponse<String> response = sendSigned(endpoint, uri, url, headers, bytes, signed);
    if (signed && refusedSignature(response) && rotatedOut()) {
      // A refused signature changed nothing: the same request again, once, with the next key.
      response = sendSigned(endpoint, uri, url, headers, bytes, true);
    }
    if (response.statusCode() / 100 != 2) {
      throw apiError(endpoint, url, response);
    }
    return new Answer(endpoint, url, response.statusCode(), response.body());
  }

  private HttpResponse<String> sendSigned(
      Endpoint endpoint,
      URI uri,
      String url,
      Map<String, String> unsigned,
      byte[] bytes,
      boolean signed) {
    Map<String, String> headers = new LinkedHashMap<>(unsigned);
    String signatureBase = null;
    if (signed) {
      SignedHeaders signature = signer.current().sign(endpoint.method(), url, headers, bytes);
      headers.putAll(signature.headers());
      signatureBase = signature.signatureBase();
    }
    RecordedRequest recorded =
        new RecordedRequest(
            endpoint.method(),
            url,
            headers,
            bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8),
            signatureBase);
    return send(endpoint, uri, headers, bytes, recorded);
  }

  /** A 400 or 401: what an auth or resource server answers for a key it cannot find. */
  private boolean refusedSignature(HttpResponse<String> response) {
    int status = response.statusCode();
    return (status == 400 || status == 401) && signer.mayRotate();
  }

  /**
   * Reads the client's own JWKS: when it no longer lists the current key but lists the next one,
   * the keys switch (once; never back).
   */
  private boolean rotatedOut() {
    String jwksUrl = signer.jwksUrl();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", JSON);
    HttpResponse<String> jwks;
    try {
      jwks =
          send(
              Endpoint.GET_WALLET_ADDRESS_KEYS,
              absoluteUri(jwksUrl),
              headers,
              null,
              new RecordedRequest("GET", jwksUrl, headers, "", null));
    } catch (TransportException e) {
      return false;
    }
    if (jwks.statusCode() != 200) {
      return false;
    }
    try {
      return signer.rotateIfRotatedOut(jwks.body());
    } catch (ProtocolException e) {
      return false;
    }
  }

  private HttpResponse<String> send(
      Endpoint endpoint,
      URI uri,
      Map<String, String> headers,
      byte[] body,
      RecordedRequest recorded) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout);
    headers.forEach(request::header);
    request.method(
        endpoint.method(),
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    long started = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      listener.onExchange(
          new Exchange(
              endpoint.operationId(),
              recorded,
              new RecordedResponse(
                  response.statusCode(), response.headers().map(), response.body()),
              null,
              since(started)));
      return response;
    } catch (IOException e) {
      TransportException failure = transportFailure(endpoint.method(), uri.toString(), e);
      listener.onExchange(
          new Exchange(
              endpoint.operationId(), recorded, null, failure.getMessage(), since(started)));
      throw failure;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      TransportException failure =
          new TransportException(
              endpoint.method(),
              uri.toString(),
              TransportFailure.INTERRUPTED,
              "interrupted while waiting for the answer",
              e);
      listener.onExchange(
          new Exchange(
              endpoint.operationId(), recorded, null, failure.getMessage(), since(started)));
      throw failure;
    }
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** Reads a success body into a wire record, after checking it against the spec if asked to. */
  <T> T read(Answer answer, Class<T> type) {
    validate(answer);
    try {
      return Json.read(answer.body(), type);
    } catch (ProtocolException e) {
      throw unreadable(answer, e);
    }
  }

  /** Reads a success body into a generic wire record such as a page of payments. */
  <T> T read(Answer answer, TypeReference<T> type) {
    validate(answer);
    try {
      return Json.read(answer.body(), type);
    } catch (ProtocolException e) {
      throw unreadable(answer, e);
    }
  }

  /** Checks an answer that should have no body (204) when validation is on. */
  void expectNoContent(Answer answer) {
    if (validator == null) {
      return;
    }
    JsonNode tree = answer.body().isEmpty() ? null : tree(answer);
    List<SchemaViolation> violations =
        validator.validateResponseBody(
            answer.endpoint().spec(), answer.endpoint().operationId(), answer.status(), tree);
    if (!violations.isEmpty()) {
      throw invalid(answer, violations);
    }
  }

  /**
   * Fails the call with the given inconsistencies when validation is on: the checks beyond the
   * schema that the Node SDK makes ({@link dev.opkit.protocol.model.ResourceChecks}).
   */
  void requireConsistent(Answer answer, List<Inconsistency> problems) {
    if (validator == null || problems.isEmpty()) {
      return;
    }
    throw invalid(
        answer,
        problems.stream()
            .map(
                p ->
                    new SchemaViolation(
                        "$." + p.field(), CONSISTENCY, p.problem(), CONSISTENCY_RULES))
            .toList());
  }

  private void validate(Answer answer) {
    if (validator == null) {
      return;
    }
    List<SchemaViolation> violations =
        validator
            .validateResponseBody(
                answer.endpoint().spec(),
                answer.endpoint().operationId(),
                answer.status(),
                tree(answer))
            .stream()
            .filter(v -> !v.keyword().equals(UNKNOWN_PROPERTY))
            .toList();
    if (!violations.isEmpty()) {
      throw invalid(answer, violations);
    }
  }

  private static JsonNode tree(Answer answer) {
    try {
      return Json.mapper().readTree(answer.body());
    } catch (JsonProcessingException e) {
      throw invalid(
          answer,
          List.of(
              new SchemaViolation(
                  "$",
                  "content",
                  "the body is not JSON: " + e.getOriginalMessage(),
                  answer.endpoint().spec().iri())));
    }
  }

  private static ResponseValidationException unreadable(Answer answer, ProtocolException e) {
    String location = "$";
    String message = e.getMessage();
    if (e instanceof InvalidJsonException invalid) {
      location = invalid.path().isEmpty() ? "$" : "$." + invalid.path();
      message = invalid.problem();
    }
    return invalid(
        answer,
        List.of(new SchemaViolation(location, "type", message, answer.endpoint().spec().iri())));
  }

  private static ResponseValidationException invalid(
      Answer answer, List<SchemaViolation> violations) {
    return new ResponseValidationException(
        answer.endpoint().method(),
        answer.url(),
        answer.status(),
        answer.endpoint().operationId(),
        violations,
        answer.body());
  }

  private static ApiErrorException apiError(
      Endpoint endpoint, String url, HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body();
    Optional<ErrorResponse> error = errorBody(body);
    return new ApiErrorException(
        endpoint.method(),
        url,
        response.statusCode(),
        error.map(e -> e.error().code()).orElse(null),
        error.map(e -> e.error().description()).orElse(null),
        error.map(e -> e.error().details()).orElse(null),
        body,
        response.headers().firstValue("Retry-After").flatMap(RetryAfter::parse).orElse(null));
  }

  private static Optional<ErrorResponse> errorBody(String body) {
    if (body.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.read(body, ErrorResponse.class));
    } catch (ProtocolException e) {
      return Optional.empty();
    }
  }

  static TransportException transportFailure(String method, String url, IOException e) {
    TransportFailure failure = classify(e);
    String message =
        switch (failure) {
          case TIMEOUT -> "no answer in time (" + e.getMessage() + ")";
          case UNKNOWN_HOST -> "the host name cannot be resolved; check the URL and your network";
          case CONNECTION_REFUSED ->
              "cannot connect (connection refused); is the server running at this address?";
          default -> "the exchange failed: " + describe(e);
        };
    return new TransportException(method, url, failure, message, e);
  }

  private static TransportFailure classify(IOException e) {
    if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException) {
      return TransportFailure.TIMEOUT;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return TransportFailure.UNKNOWN_HOST;
      }
    }
    if (e instanceof ConnectException) {
      return TransportFailure.CONNECTION_REFUSED;
    }
    return TransportFailure.IO;
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static URI absoluteUri(String url) {
    if (url == null) {
      throw new IllegalArgumentException("no URL given");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(
          "'" + url + "' is not a valid URL: " + e.getReason() + " at index " + e.getIndex(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "'" + url + "' is not an absolute http(s) URL such as https://wallet.example/alice");
    }
    return uri;
  }
}
