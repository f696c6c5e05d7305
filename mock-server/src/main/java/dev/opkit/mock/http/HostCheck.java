package dev.opkit.mock.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Refuses, before any route runs, a request whose {@code Host} is not one of the sandbox's names
 * (see {@link AllowedHosts}): 421 Misdirected Request, or 400 when there is no {@code Host} at all.
 */
public final class HostCheck implements Handler {
  private final AllowedHosts hosts;

  public HostCheck(AllowedHosts hosts) {
    this.hosts = hosts;
  }

  @Override
  public void handle(Context ctx) {
    String host = ctx.header("Host");
    if (host == null || host.isBlank()) {
      throw ApiException.badRequest(
          "the request has no Host header; send the name of this sandbox, e.g. Host: localhost");
    }
    if (!hosts.allowsHeader(host)) {
      String name = AllowedHosts.nameOf(host).orElse(host);
      throw new ApiException(
          421,
          ErrorCodes.MISDIRECTED_REQUEST,
          "this sandbox answers only to its own names ("
              + String.join(", ", hosts.names())
              + "), not to Host '"
              + host
              + "': a web page can reach a local server under a name of its own (DNS"
              + " rebinding). If you use this name yourself, allow it: --allowed-host "
              + name
              + " or allowedHosts: ["
              + name
              + "] in the config file");
    }
  }
}
