package dev.opkit.mock.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.protocol.json.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Content negotiation and JSON body reading, as deployed wallets do it: a request must accept
 * {@code application/json} (406 otherwise), a body must be {@code application/json} (415), at most
 * 1 MB (413) and well-formed JSON (400). An empty body is no body, whatever the Content-Type says
 * (the Node SDK sends {@code Content-Type: application/json} on every request).
 */
public final class JsonRequests {
  /** The largest request body the sandbox reads. */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  private static final String BODY_ATTRIBUTE = "opkit.rawBody";
  private static final byte[] NO_BODY = new byte[0];

  private JsonRequests() {}

  /** Refuses a request whose {@code Accept} header admits no JSON. */
  public static void requireJsonAccepted(Context ctx) {
    String accept = ctx.header("Accept");
    if (accept == null || accept.isBlank() || acceptsJson(accept)) {
      return;
    }
    throw new RequestSchemaException(
        406,
        ErrorCodes.NOT_ACCEPTABLE,
        "this server answers with application/json, but the request's Accept header is '"
            + accept
            + "'",
        Map.of(),
        "Must accept application/json");
  }

  /** Whether an {@code Accept} header value admits {@code application/json}. */
  static boolean acceptsJson(String accept) {
    for (String range : accept.split(",")) {
      String[] parts = range.trim().split(";");
      String type = parts[0].trim().toLowerCase(Locale.ROOT);
      if (!(type.equals("application/json")
          || type.equals("application/*")
          || type.equals("*/*"))) {
        continue;
      }
      if (!hasZeroQuality(parts)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasZeroQuality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].trim().toLowerCase(Locale.ROOT);
      if (param.startsWith("q=")) {
        try {
          return Double.parseDouble(param.substring(2).trim()) <= 0;
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    return false;
  }

  /**
   * The raw body bytes, read once (at most 1 MB) and kept for later readers such as the signature
   * check; an empty array when the request has none.
   */
  public static byte[] rawBody(Context ctx) {
    byte[] cached = ctx.attribute(BODY_ATTRIBUTE);
    if (cached != null) {
      return cached;
    }
    long declared = ctx.req().getContentLengthLong();
    if (declared > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    byte[] bytes = declared >= 0 ? readDeclared(ctx, (int) declared) : readLimited(ctx);
    ctx.attribute(BODY_ATTRIBUTE, bytes);
    return bytes;
  }

  /** The raw body, checked for size and Content-Type; empty when the request has no body. */
  public static Optional<byte[]> body(Context ctx) {
    byte[] bytes = rawBody(ctx);
    if (bytes.length == 0) {
      return Optional.empty();
    }
    String contentType = ctx.header("Content-Type");
    if (contentType == null) {
      throw new ApiException(
          415,
          ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
          "send the body as application/json; the request's Content-Type is missing");
    }
    if (!isJson(contentType)) {
      throw new RequestSchemaException(
          415,
          ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
          "send the body as application/json; the request's Content-Type is '" + contentType + "'",
          Map.of(),
          "Unsupported Content-Type " + contentType);
    }
    return Optional.of(bytes);
  }

  /** The body parsed as JSON; empty when the request has no body. */
  public static Optional<JsonNode> json(Context ctx) {
    return body(ctx).map(JsonRequests::parse);
  }

  /** The body parsed as JSON; a request without body is refused. */
  public static JsonNode requiredJson(Context ctx) {
    return json(ctx).orElseThrow(() -> ApiException.badRequest("this request needs a JSON body"));
  }

  /** Parses JSON text, refusing malformed input with the position of the problem. */
  public static JsonNode parse(byte[] bytes) {
    try {
      JsonNode node = Json.mapper().readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw ApiException.badRequest("the body is empty; send a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      // Limits such as the nesting depth are reported without a location.
      JsonLocation at = e.getLocation();
      throw ApiException.badRequest(
          "the body is not valid JSON: "
              + e.getOriginalMessage()
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (IOException e) {
      throw ApiException.badRequest("the body could not be read: " + e.getMessage());
    }
  }

  private static boolean isJson(String contentType) {
    String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    return type.equals("application/json");
  }

  /**
   * A body whose length the request declared, read into an array of exactly that size: {@link
   * java.io.InputStream#readNBytes(int)} would allocate 8 KB chunks and copy them for a body of a
   * few hundred bytes. Jetty ends the stream at the declared length.
   */
  private static byte[] readDeclared(Context ctx, int length) {
    if (length == 0) {
      return NO_BODY;
    }
    try {
      var in = ctx.req().getInputStream();
      byte[] bytes = new byte[length];
      int read = in.readNBytes(bytes, 0, length);
      return read == length ? bytes : Arrays.copyOf(bytes, read);
    } catch (IOException e) {
      throw ApiException.badRequest("the request body could not be read: " + e.getMessage());
    }
  }

  private static byte[] readLimited(Context ctx) {
    try (var in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw ApiException.badRequest("the request body could not be read: " + e.getMessage());
    }
  }

  private static ApiException tooLarge() {
    return new ApiException(
        413,
        ErrorCodes.PAYLOAD_TOO_LARGE,
        "request bodies are limited to " + MAX_BODY_BYTES + " bytes (1 MB)");
  }
}
