package dev.opkit.mock.http;

import dev.opkit.protocol.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Renders the errors Jetty answers itself, before any route runs (a request line or path that is
 * not valid HTTP, a method such as {@code CONNECT}), as the protocol's JSON error body instead of
 * Jetty's HTML page, so a client never has to parse HTML from the sandbox's API.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  /** {@code {"error":{"code":…,"description":…}}} for a status Jetty chose. */
  static byte[] body(int status, String reason) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", status == 400 ? ErrorCodes.INVALID_REQUEST : Integer.toString(status));
    error.put(
        "description",
        "the request is not valid HTTP for this server ("
            + status
            + " "
            + (reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason)
            + ")");
    return Json.write(Map.of("error", error)).getBytes(StandardCharsets.UTF_8);
  }
}
