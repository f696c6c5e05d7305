package dev.opkit.mock.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.protocol.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a {@code Rafiki-Signature} the way Rafiki's documentation tells a receiver to, written
 * here from the rules and not with the sandbox's code: canonical JSON by sorting keys (UTF-16
 * order) and writing values as JavaScript's {@code JSON.stringify} does (integers, strings,
 * booleans and null are all a webhook body holds), then HMAC-SHA256 over {@code "<t>.<canonical>"}.
 */
final class IndependentWebhookCheck {
  private IndependentWebhookCheck() {}

  /** Whether the header verifies for the body with the secret; returns its timestamp. */
  static long verify(String header, String body, String secret) throws Exception {
    String[] parts = header.split(", ");
    if (parts.length != 2 || !parts[0].startsWith("t=") || !parts[1].startsWith("v1=")) {
      throw new AssertionError("not t=<ms>, v1=<hex>: " + header);
    }
    String timestamp = parts[0].substring(2);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected =
        mac.doFinal(
            (timestamp + "." + canonical(Json.read(body, JsonNode.class)))
                .getBytes(StandardCharsets.UTF_8));
    byte[] given = HexFormat.of().parseHex(parts[1].substring(3));
    if (!MessageDigest.isEqual(expected, given)) {
      throw new AssertionError("signature does not verify: " + header + " over " + body);
    }
    return Long.parseLong(timestamp);
  }

  static String canonical(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(String::compareTo);
      List<String> members = new ArrayList<>();
      for (String name : names) {
        members.add(string(name) + ":" + canonical(node.get(name)));
      }
      return "{" + String.join(",", members) + "}";
    }
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(item -> items.add(canonical(item)));
      return "[" + String.join(",", items) + "]";
    }
    if (node.isTextual()) {
      return string(node.asText());
    }
    if (node.isIntegralNumber() || node.isBoolean() || node.isNull()) {
      return node.asText();
    }
    throw new AssertionError("unexpected JSON value in a webhook body: " + node);
  }

  private static String string(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
