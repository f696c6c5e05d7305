package dev.opkit.client;

import dev.opkit.protocol.model.CreateQuoteRequest;
import dev.opkit.protocol.model.Quote;
import java.util.Objects;

/**
 * Quotes on the sender's resource server (resource-server {@code create-quote}, {@code get-quote}).
 */
public final class QuoteApi {
  private final Transport transport;

  QuoteApi(Transport transport) {
    this.transport = transport;
  }

  /**
   * {@code POST {resourceServer}/quotes}.
   *
   * @param resourceServer the sender wallet address's {@code resourceServer}
   * @param accessToken a token with {@code quote} {@code create}
   */
  public Quote create(String resourceServer, String accessToken, CreateQuoteRequest request) {
    Objects.requireNonNull(accessToken, "accessToken");
    Answer answer =
        transport.call(
            Endpoint.CREATE_QUOTE, Urls.under(resourceServer, "quotes"), accessToken, request);
    return transport.read(answer, Quote.class);
  }

  /** {@code GET {url}}. */
  public Quote get(String url, String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken");
    return transport.read(transport.call(Endpoint.GET_QUOTE, url, accessToken, null), Quote.class);
  }
}
