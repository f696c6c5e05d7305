package dev.opkit.mock.http;

import dev.opkit.protocol.json.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;

/**
 * The Javalin and Jetty settings every origin of the sandbox runs with, kept in one place so that a
 * baseline server (the benchmark's plain endpoint) runs with exactly the same ones: request size
 * limit, JSON by default and through the protocol module's mapper, JSON errors even for what Jetty
 * refuses before routing, exact paths, header values read exactly as sent, and one log line per
 * request.
 */
public final class ServerSettings {
  /** The buffer Javalin copies each response through; most answers are smaller. */
  static final int RESPONSE_COPY_BUFFER_BYTES = 2048;

  private ServerSettings() {}

  /**
   * Applies the settings to a Javalin configuration.
   *
   * @param log where the one line per request goes (at INFO)
   * @param serverName the name that starts each request line, e.g. the provider's
   */
  public static void apply(JavalinConfig cfg, Logger log, String serverName) {
    cfg.startup.showJavalinBanner = false;
    cfg.startup.showOldJavalinVersionWarning = false;
    cfg.http.maxRequestSize = JsonRequests.MAX_BODY_BYTES;
    // Javalin copies every response into Jetty through a buffer of this size, allocated per
    // response: Jetty's 32 KB output buffer size by default, a quarter of all the sandbox allocated
    // per signed request. Jetty still buffers the response itself; larger ones are copied in parts.
    cfg.http.responseBufferSize = RESPONSE_COPY_BUFFER_BYTES;
    cfg.http.prefer405over404 = true;
    cfg.http.defaultContentType = "application/json";
    cfg.router.ignoreTrailingSlashes = false;
    cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
    cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
    // Jetty reuses header fields parsed earlier on a kept-alive connection and by default matches
    // a new line against them ignoring case: "Bearer S3CRET" after "Bearer s3cret" was read as the
    // earlier value. Secrets, tokens and signatures are case-sensitive.
    cfg.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
    cfg.jetty.modifyServletContextHandler(
        context -> context.setErrorHandler(new JsonErrorHandler()));
    cfg.requestLogger.http(
        (ctx, ms) -> {
          if (log.isInfoEnabled()) {
            // Tenths by integer arithmetic: String.format on every request shows in profiles.
            long tenths = Math.round(ms * 10);
            log.info(
                "{} {} {} -> {} ({}.{} ms)",
                serverName,
                ctx.method(),
                RequestPaths.sent(ctx),
                ctx.statusCode(),
                tenths / 10,
                tenths % 10);
          }
        });
  }
}
