package dev.opkit.protocol.model;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;

/**
 * A list response, {@code {"pagination": {...}, "result": [...]}} (resource-server {@code
 * list-incoming-payments}, {@code list-outgoing-payments}). Read one with {@link
 * #INCOMING_PAYMENTS} or {@link #OUTGOING_PAYMENTS} as the type.
 */
public record Page<T>(PageInfo pagination, List<T> result) {
  /** The type of a list of incoming payments, for {@code Json.read(body, ...)}. */
  public static final TypeReference<Page<IncomingPayment>> INCOMING_PAYMENTS =
      new TypeReference<>() {};

  /** The type of a list of outgoing payments, for {@code Json.read(body, ...)}. */
  public static final TypeReference<Page<OutgoingPayment>> OUTGOING_PAYMENTS =
      new TypeReference<>() {};

  public Page {
    result = result == null ? List.of() : Fields.requiredList(result, "list response", "result");
  }
}
