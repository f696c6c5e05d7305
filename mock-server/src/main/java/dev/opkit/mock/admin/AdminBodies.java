package dev.opkit.mock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.JsonRequests;
import io.javalin.http.Context;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Reads admin request bodies: a JSON object with only the named fields, so a typo is an error and
 * not a silently ignored field.
 */
final class AdminBodies {
  private final JsonNode body;

  private AdminBodies(JsonNode body) {
    this.body = body;
  }

  /** The body, which must be an object whose fields are all in {@code allowed}. */
  static AdminBodies read(Context ctx, Set<String> allowed) {
    JsonNode body = JsonRequests.requiredJson(ctx);
    if (!body.isObject()) {
      throw ApiException.badRequest("send a JSON object with " + allowed);
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw ApiException.badRequest(
            "unknown field '" + name + "'; this request takes " + allowed);
      }
    }
    return new AdminBodies(body);
  }

  Optional<String> text(String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw ApiException.badRequest("'" + field + "' must be a string, got " + node);
    }
    return Optional.of(node.asText());
  }

  String requiredText(String field) {
    return text(field).orElseThrow(() -> ApiException.badRequest("'" + field + "' is required"));
  }

  Optional<Integer> integer(String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      throw ApiException.badRequest("'" + field + "' must be a whole number, got " + node);
    }
    return Optional.of(node.asInt());
  }

  int requiredInteger(String field) {
    return integer(field).orElseThrow(() -> ApiException.badRequest("'" + field + "' is required"));
  }

  /** An amount value: a string of digits (as Open Payments writes amounts) or a JSON integer. */
  Optional<BigInteger> amountValue(String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    String digits = node.isTextual() ? node.asText() : node.isIntegralNumber() ? node.asText() : "";
    if (!digits.matches("[0-9]{1,20}")) {
      throw ApiException.badRequest(
          "'"
              + field
              + "' must be a whole number of the asset's smallest unit, e.g. \"10000\" for 100.00"
              + " at scale 2; got "
              + node);
    }
    return Optional.of(new BigInteger(digits));
  }

  JsonNode node(String field) {
    return body.get(field);
  }
}
