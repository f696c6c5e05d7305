package dev.opkit.client.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every {@code opm} command that talks to a wallet takes. */
final class GlobalOptions {
  @Option(
      names = "--wallet",
      paramLabel = "URL",
      description = "The client's wallet address URL (default: env OPM_WALLET_ADDRESS).")
  String wallet;

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description =
          "The client's Ed25519 private key: a PKCS#8 PEM file, or a file with that PEM base64"
              + " encoded (default: env OPM_PRIVATE_KEY, a path or the key itself).")
  String keyFile;

  @Option(
      names = "--key-id",
      paramLabel = "KID",
      description = "The key's id (kid) at the client wallet address (default: env OPM_KEY_ID).")
  String keyId;

  @Option(
      names = "--next-key-file",
      paramLabel = "FILE",
      description =
          "The key registered next at the client wallet address, as --key-file: signed with once"
              + " the wallet address's JWKS no longer lists --key-id (default: env"
              + " OPM_NEXT_PRIVATE_KEY).")
  String nextKeyFile;

  @Option(
      names = "--next-key-id",
      paramLabel = "KID",
      description = "The next key's id (default: env OPM_NEXT_KEY_ID).")
  String nextKeyId;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show each request's signed headers and signature base, and each answer.")
  boolean verbose;

  @Option(names = "--json", description = "Print one JSON document for machines.")
  boolean json;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "PT10S",
      converter = DurationConverter.class,
      description = "How long to wait for each answer, ISO 8601 (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--clock-url",
      paramLabel = "URL",
      description =
          "Take the wallet's time from this URL answering {\"now\": <timestamp>}, e.g. the"
              + " sandbox's http://localhost:4000/admin/clock, instead of this machine's clock"
              + " (default: env OPM_CLOCK_URL).")
  String clockUrl;

  @Option(
      names = "--no-validate",
      description = "Do not check answers against the Open Payments 1.3.0 specs.")
  boolean noValidate;
}
