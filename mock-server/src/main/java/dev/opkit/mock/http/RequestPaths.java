package dev.opkit.mock.http;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The path a client sent, as opposed to the one the routes match: a session's URLs are routed
 * without their session segment, but signatures cover the URL as sent ({@code @target-uri}, {@code
 * @path}), and messages and logs name it.
 */
public final class RequestPaths {
  /** The request attribute that keeps the raw path as sent when the routed path differs. */
  public static final String SENT_PATH = "dev.opkit.mock.sentPath";

  private RequestPaths() {}

  /** The raw (still percent-encoded) path as the client sent it, without the query. */
  public static String sent(HttpServletRequest req) {
    return req.getAttribute(SENT_PATH) instanceof String sent ? sent : req.getRequestURI();
  }

  /** The raw path as the client sent it, without the query. */
  public static String sent(Context ctx) {
    return sent(ctx.req());
  }
}
