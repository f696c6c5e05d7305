package dev.opkit.client.cli;

import dev.opkit.client.ClientIdentity;
import dev.opkit.client.ClientOptions;
import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.client.UnauthenticatedClient;
import java.time.Clock;

/** What one command run works with: its console and the clients built from the global options. */
final class Session {
  private final CliContext context;
  private final GlobalOptions options;
  private final Console console;

  Session(CliContext context, GlobalOptions options) {
    this.context = context;
    this.options = options;
    this.console = new Console(context, options.json, options.verbose);
  }

  Console console() {
    return console;
  }

  CliContext context() {
    return context;
  }

  GlobalOptions options() {
    return options;
  }

  /** The identity parts given by options and environment. */
  Identities.Parts givenIdentity() {
    return Identities.given(options, context);
  }

  ClientOptions clientOptions() {
    return ClientOptions.defaults()
        .withRequestTimeout(options.timeout)
        .withResponseValidation(!options.noValidate)
        .withListener(console::exchange);
  }

  /** An authenticated client for the identity parts. */
  OpenPaymentsClient client(Identities.Parts parts) {
    ClientIdentity identity = Identities.resolve(parts);
    return OpenPaymentsClient.create(identity, clientOptions());
  }

  UnauthenticatedClient anonymous() {
    return UnauthenticatedClient.create(clientOptions());
  }

  /** The clock URL given by option or environment, or null. */
  String givenClockUrl() {
    return options.clockUrl != null ? options.clockUrl : context.env("OPM_CLOCK_URL");
  }

  /** The wallet's clock: read from {@code clockUrl} when there is one, else this machine's. */
  Clock clock(String clockUrl) {
    return ServerClock.of(clockUrl, options.timeout);
  }
}
