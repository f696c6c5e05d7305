package dev.opkit.mock.robustness;

import java.util.Map;

/**
 * One request of the malformed-input corpus.
 *
 * @param label what is wrong with it, for failure messages
 * @param method the HTTP method
 * @param url the absolute URL, sent as is
 * @param headers the header fields to send
 * @param body the body, or null for none
 * @param html whether an HTML answer is the documented one (the consent page's routes)
 */
record BadRequest(
    String label,
    String method,
    String url,
    Map<String, String> headers,
    byte[] body,
    boolean html) {

  BadRequest {
    headers = Map.copyOf(headers);
  }

  @Override
  public String toString() {
    return label + ": " + method + " " + abbreviate(url);
  }

  private static String abbreviate(String text) {
    return text.length() > 160 ? text.substring(0, 160) + "…" : text;
  }
}
