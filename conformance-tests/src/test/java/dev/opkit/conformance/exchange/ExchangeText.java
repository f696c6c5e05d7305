package dev.opkit.conformance.exchange;

import dev.opkit.client.exchange.Exchange;
import dev.opkit.client.exchange.RecordedRequest;
import dev.opkit.client.exchange.RecordedResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exchange as text for a failure report: the request line, the header fields the client set, the
 * body and the signature base; then the status, headers and body of the response. Access and
 * continuation tokens and signatures are shortened wherever they appear, so a report can be shared.
 */
public final class ExchangeText {
  private static final Pattern AUTHORIZATION = Pattern.compile("GNAP\\s+(\\S+)");
  private static final Pattern TOKEN_VALUE =
      Pattern.compile("\"value\"\\s*:\\s*\"((?=[^\"]*[A-Za-z])[^\"]{16,})\"");
  private static final Pattern SIGNATURE = Pattern.compile("sig1=:([A-Za-z0-9+/=]{20,}):");
  private static final int SHOWN = 4;

  private ExchangeText() {}

  /** Several exchanges, oldest first, numbered. */
  public static String format(List<Exchange> exchanges) {
    StringBuilder text = new StringBuilder();
    int number = 1;
    for (Exchange exchange : exchanges) {
      if (number > 1) {
        text.append('\n');
      }
      text.append("#").append(number++).append(' ').append(format(exchange));
    }
    return text.toString();
  }

  /** One exchange. */
  public static String format(Exchange exchange) {
    StringBuilder text = new StringBuilder();
    RecordedRequest request = exchange.request();
    text.append(exchange.operationId()).append(": ").append(request.requestLine()).append('\n');
    request
        .headers()
        .forEach(
            (name, value) ->
                text.append("  ").append(name).append(": ").append(value).append('\n'));
    if (!request.body().isEmpty()) {
      text.append("  body: ").append(request.body()).append('\n');
    }
    request
        .signature()
        .ifPresent(
            base ->
                text.append("  signature base:\n    ")
                    .append(base.replace("\n", "\n    "))
                    .append('\n'));
    if (exchange.response() != null) {
      RecordedResponse response = exchange.response();
      text.append("→ ")
          .append(response.status())
          .append(" after ")
          .append(exchange.elapsed().toMillis())
          .append(" ms\n");
      response
          .headers()
          .forEach(
              (name, values) -> {
                if (name.equals("content-type")
                    || name.equals("www-authenticate")
                    || name.equals("location")) {
                  text.append("  ")
                      .append(name)
                      .append(": ")
                      .append(String.join(", ", values))
                      .append('\n');
                }
              });
      if (!response.body().isEmpty()) {
        text.append("  body: ").append(response.body()).append('\n');
      }
    } else {
      text.append("→ no answer: ").append(exchange.transportFailure()).append('\n');
    }
    return mask(text.toString());
  }

  /** The text with every token and signature value shortened to its first characters. */
  static String mask(String text) {
    Set<String> secrets = new LinkedHashSet<>();
    collect(AUTHORIZATION, text, secrets);
    collect(TOKEN_VALUE, text, secrets);
    collect(SIGNATURE, text, secrets);
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, secret.substring(0, SHOWN) + "…");
    }
    return masked;
  }

  private static void collect(Pattern pattern, String text, Set<String> secrets) {
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      if (matcher.group(1).length() > SHOWN) {
        secrets.add(matcher.group(1));
      }
    }
  }
}
