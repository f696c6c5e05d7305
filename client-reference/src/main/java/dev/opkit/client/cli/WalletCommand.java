package dev.opkit.client.cli;

import dev.opkit.client.UnauthenticatedClient;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.protocol.keys.JwkSet;
import dev.opkit.protocol.model.WalletAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code opm wallet}: wallet address documents. */
@Command(
    name = "wallet",
    mixinStandardHelpOptions = true,
    description = "Read wallet addresses.",
    subcommands = WalletCommand.Get.class)
final class WalletCommand {

  /** {@code opm wallet get URL}. */
  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "Show a wallet address: its asset, auth server and resource server.")
  static final class Get implements Callable<Integer> {
    private final CliContext context;

    @Mixin GlobalOptions global;

    @Parameters(paramLabel = "URL", description = "The wallet address URL.")
    String url;

    @Option(names = "--keys", description = "Also show its public keys (jwks.json).")
    boolean keys;

    Get(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Session session = new Session(context, global);
      Console console = session.console();
      UnauthenticatedClient client = session.anonymous();
      WalletAddress wallet = client.walletAddress().get(url);
      console.field("id", wallet.id());
      if (wallet.publicName() != null) {
        console.field("name", wallet.publicName());
      }
      console.field("asset", wallet.assetCode() + " (scale " + wallet.assetScale() + ")");
      console.field("auth server", wallet.authServer());
      console.field("resources", wallet.resourceServer());
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("walletAddress", wallet);
      if (keys) {
        JwkSet set = client.walletAddress().getKeys(url);
        for (Jwk jwk : set.keys()) {
          console.field("key", jwk.kid() + "  " + Json.write(jwk));
        }
        if (set.keys().isEmpty()) {
          console.field("keys", "none");
        }
        result.put("keys", set);
      }
      console.result(result);
      return ExitCodes.OK;
    }
  }
}
