package dev.opkit.client.exchange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A response as the client received it.
 *
 * @param status the HTTP status code
 * @param headers the header fields, names in lower case
 * @param body the body text, empty when there is none
 */
public record RecordedResponse(int status, Map<String, List<String>> headers, String body) {
  public RecordedResponse {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
    body = body == null ? "" : body;
  }
}
