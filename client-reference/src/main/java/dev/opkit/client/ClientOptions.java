package dev.opkit.client;

import dev.opkit.client.exchange.ExchangeListener;
import dev.opkit.protocol.openapi.SchemaValidator;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a client talks to servers: time-outs, the clock that dates signatures, whether answers are
 * checked against the Open Payments 1.3.0 specs, who sees each exchange, and optionally the JDK
 * {@link HttpClient} to use. Immutable; each {@code with…} returns a copy.
 */
public final class ClientOptions {
  /** Default time to wait for an answer. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** Default time to wait for a connection. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final Duration requestTimeout;
  private final Duration connectTimeout;
  private final Clock clock;
  private final boolean validateResponses;
  private final SchemaValidator validator;
  private final ExchangeListener listener;
  private final HttpClient httpClient;

  private ClientOptions(
      Duration requestTimeout,
      Duration connectTimeout,
      Clock clock,
      boolean validateResponses,
      SchemaValidator validator,
      ExchangeListener listener,
      HttpClient httpClient) {
    this.requestTimeout = requireTimeout(requestTimeout, "requestTimeout");
    this.connectTimeout = requireTimeout(connectTimeout, "connectTimeout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.validateResponses = validateResponses;
    this.validator = validator;
    this.listener = Objects.requireNonNull(listener, "listener");
    this.httpClient = httpClient;
  }

  /**
   * The defaults: 10 s per request, 5 s to connect, the system clock, responses validated against
   * the bundled specs (as the Node SDK does by default), no listener, a new HTTP/1.1 client.
   */
  public static ClientOptions defaults() {
    return new ClientOptions(
        DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_CONNECT_TIMEOUT,
        Clock.systemUTC(),
        true,
        null,
        ExchangeListener.NONE,
        null);
  }

  private static Duration requireTimeout(Duration timeout, String name) {
    Objects.requireNonNull(timeout, name);
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + timeout);
    }
    return timeout;
  }

  /** How long to wait for each answer. */
  public ClientOptions withRequestTimeout(Duration timeout) {
    return new ClientOptions(
        timeout, connectTimeout, clock, validateResponses, validator, listener, httpClient);
  }

  /** How long to wait for a connection; ignored when an {@link HttpClient} is given. */
  public ClientOptions withConnectTimeout(Duration timeout) {
    return new ClientOptions(
        requestTimeout, timeout, clock, validateResponses, validator, listener, httpClient);
  }

  /** The clock that dates signatures ({@code created}). */
  public ClientOptions withClock(Clock newClock) {
    return new ClientOptions(
        requestTimeout,
        connectTimeout,
        newClock,
        validateResponses,
        validator,
        listener,
        httpClient);
  }

  /** Whether success answers are checked against the bundled specs. */
  public ClientOptions withResponseValidation(boolean enabled) {
    return new ClientOptions(
        requestTimeout, connectTimeout, clock, enabled, validator, listener, httpClient);
  }

  /** Validate success answers with this validator (turns validation on). */
  public ClientOptions withValidator(SchemaValidator schemaValidator) {
    return new ClientOptions(
        requestTimeout,
        connectTimeout,
        clock,
        true,
        Objects.requireNonNull(schemaValidator, "schemaValidator"),
        listener,
        httpClient);
  }

  /** Who sees each exchange; replaces the current listener. */
  public ClientOptions withListener(ExchangeListener exchangeListener) {
    return new ClientOptions(
        requestTimeout,
        connectTimeout,
        clock,
        validateResponses,
        validator,
        exchangeListener,
        httpClient);
  }

  /** The JDK HTTP client to send with, e.g. one with a proxy or custom TLS. */
  public ClientOptions withHttpClient(HttpClient client) {
    return new ClientOptions(
        requestTimeout,
        connectTimeout,
        clock,
        validateResponses,
        validator,
        listener,
        Objects.requireNonNull(client, "client"));
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Clock clock() {
    return clock;
  }

  public boolean validateResponses() {
    return validateResponses;
  }

  public ExchangeListener listener() {
    return listener;
  }

  /** The HTTP client given with {@link #withHttpClient}, if any. */
  public Optional<HttpClient> httpClient() {
    return Optional.ofNullable(httpClient);
  }

  /** The validator to use: none when validation is off, else the given or the bundled one. */
  Optional<SchemaValidator> validator() {
    if (!validateResponses) {
      return Optional.empty();
    }
    return Optional.of(validator != null ? validator : BundledValidator.INSTANCE);
  }

  HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Compiles the bundled specs once, on first use; immutable and thread-safe afterwards. */
  private static final class BundledValidator {
    private static final SchemaValidator INSTANCE = SchemaValidator.create();
  }
}
