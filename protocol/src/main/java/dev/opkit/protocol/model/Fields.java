package dev.opkit.protocol.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks and defensive copies shared by the wire records. */
final class Fields {
  private Fields() {}

  /**
   * Returns {@code value}, or throws naming the field when it is null.
   *
   * @param object the schema's name for the object, e.g. "incoming payment"
   * @param field the field's wire name, e.g. "walletAddress"
   */
  static <T> T required(T value, String object, String field) {
    if (value == null) {
      throw new MissingFieldException(
          object + ": the required field '" + field + "' is missing or null");
    }
    return value;
  }

  /** An unmodifiable copy of a required list; null elements are refused. */
  static <T> List<T> requiredList(List<T> value, String object, String field) {
    List<T> list = required(value, object, field);
    for (T item : list) {
      if (item == null) {
        throw new MissingFieldException(object + ": '" + field + "' contains a null item");
      }
    }
    return List.copyOf(list);
  }

  /** An unmodifiable copy of an optional list, or null when absent. */
  static <T> List<T> optionalList(List<T> value, String object, String field) {
    return value == null ? null : requiredList(value, object, field);
  }

  /**
   * A deeply unmodifiable copy of a free-form JSON object (metadata, error details), or null.
   * Member order and null members are kept: both are part of the JSON the client sent.
   */
  static Map<String, Object> freeForm(Map<String, ?> value) {
    return value == null ? null : freezeObject(value);
  }

  private static Map<String, Object> freezeObject(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, member) -> copy.put(String.valueOf(key), freeze(member)));
    return Collections.unmodifiableMap(copy);
  }

  private static Object freeze(Object value) {
    if (value instanceof Map) {
      return freezeObject((Map<?, ?>) value);
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object item : (List<?>) value) {
        copy.add(freeze(item));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
