package dev.opkit.client.cli;

import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.client.Pause;
import dev.opkit.client.interaction.GrantConsent;
import dev.opkit.client.interaction.Interaction;
import dev.opkit.client.interaction.InteractionHandler;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.HumanUnits;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.AccessToken;
import dev.opkit.protocol.model.AccessTokenRequest;
import dev.opkit.protocol.model.GrantResponse;
import dev.opkit.protocol.model.InteractFinish;
import dev.opkit.protocol.model.InteractRequest;
import dev.opkit.protocol.model.Limits;
import dev.opkit.protocol.model.WalletAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code opm grant}: GNAP grants. */
@Command(
    name = "grant",
    mixinStandardHelpOptions = true,
    description = "Ask an authorization server for access tokens.",
    subcommands = GrantCommand.Request.class)
final class GrantCommand {

  /** {@code opm grant request}: one grant, with consent when it needs it. */
  @Command(
      name = "request",
      mixinStandardHelpOptions = true,
      description = {
        "Request a grant from a wallet address's authorization server and print the access"
            + " token.",
        "Outgoing-payment grants always need the user's consent (--consent); other types only"
            + " with --interactive."
      })
  static final class Request implements Callable<Integer> {
    private final CliContext context;

    @Mixin GlobalOptions global;

    @Mixin ConsentOptions consent;

    @Option(
        names = "--type",
        required = true,
        paramLabel = "TYPE",
        description = "incoming-payment, quote or outgoing-payment.")
    String type;

    @Option(
        names = "--wallet-address",
        required = true,
        paramLabel = "URL",
        description =
            "The wallet address the access is for; its authServer grants it (the receiver's for"
                + " incoming payments, the sender's for quotes and outgoing payments).")
    String walletAddress;

    @Option(
        names = "--actions",
        split = ",",
        paramLabel = "ACTION",
        description =
            "Actions, comma-separated (default: incoming-payment create,read,list,complete;"
                + " quote create,read; outgoing-payment create,read,list).")
    List<String> actions;

    @Option(
        names = "--debit-amount",
        paramLabel = "AMOUNT",
        description = "Outgoing payments: most to debit (per interval), e.g. 5.00.")
    String debitAmount;

    @Option(
        names = "--receive-amount",
        paramLabel = "AMOUNT",
        description =
            "Outgoing payments: most to be received (per interval), in the same wallet's asset.")
    String receiveAmount;

    @Option(
        names = "--interval",
        paramLabel = "INTERVAL",
        description =
            "Outgoing payments: ISO 8601 repeating interval, e.g. R12/2025-06-01T00:00:00Z/P1M.")
    String interval;

    @Option(names = "--interactive", description = "Ask for interaction even for other types.")
    boolean interactive;

    Request(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Session session = new Session(context, global);
      Console console = session.console();
      AccessType accessType =
          AccessType.fromWireName(type)
              .orElseThrow(
                  () ->
                      new CliException(
                          ExitCodes.USAGE,
                          "unknown --type "
                              + type
                              + "; use incoming-payment, quote or outgoing-payment"));
      OpenPaymentsClient client = session.client(session.givenIdentity());
      WalletAddress wallet = client.walletAddress().get(walletAddress);
      console.step("wallet address", wallet.id() + " (auth server " + wallet.authServer() + ")");
      AccessItem item =
          new AccessItem(
              accessType,
              actions(accessType),
              accessType.identifierRule() == AccessType.IdentifierRule.NOT_IN_SCHEMA
                  ? null
                  : wallet.id(),
              limits(accessType, wallet));
      boolean interact = interactive || accessType == AccessType.OUTGOING_PAYMENT;
      InteractionHandler handler = interact ? consent.handler(console) : null;
      String nonce = GrantConsent.newNonce();
      GrantResponse answer =
          client
              .grant()
              .request(
                  wallet.authServer(),
                  AccessTokenRequest.of(item),
                  interact
                      ? InteractRequest.redirect(
                          InteractFinish.redirect(handler.finishUri(), nonce))
                      : null);
      if (answer.interact() != null) {
        console.step("grant pending", "consent at " + answer.interact().redirect());
        Clock clock = Clock.systemUTC();
        GrantConsent.Outcome outcome =
            new GrantConsent(client, clock, Pause.SLEEP, console::step)
                .obtain(
                    new Interaction(
                        answer.interact().redirect(),
                        handler.finishUri(),
                        nonce,
                        answer.interact().finish(),
                        wallet.authServer()),
                    answer.continuation(),
                    clock.instant(),
                    handler);
        if (outcome instanceof GrantConsent.Rejected rejected) {
          console.result(Map.of("outcome", "rejected", "detail", rejected.detail()));
          return ExitCodes.CONSENT;
        }
        if (outcome instanceof GrantConsent.Failed failed) {
          console.result(Map.of("outcome", "failed", "detail", failed.detail()));
          return ExitCodes.CONSENT;
        }
        answer = ((GrantConsent.Issued) outcome).grant();
      }
      AccessToken token = answer.accessToken();
      console.step("grant issued", accessType + " " + describe(token));
      console.field("token", token.value());
      console.field("manage", token.manage());
      if (token.expiresIn() != null) {
        console.field("expires in", token.expiresIn() + " s");
      }
      console.field("continue", answer.continuation().uri());
      console.result(answer);
      return ExitCodes.OK;
    }

    private List<AccessAction> actions(AccessType accessType) {
      if (actions == null || actions.isEmpty()) {
        return switch (accessType) {
          case INCOMING_PAYMENT ->
              List.of(
                  AccessAction.CREATE, AccessAction.READ, AccessAction.LIST, AccessAction.COMPLETE);
          case QUOTE -> List.of(AccessAction.CREATE, AccessAction.READ);
          case OUTGOING_PAYMENT ->
              List.of(AccessAction.CREATE, AccessAction.READ, AccessAction.LIST);
        };
      }
      return actions.stream()
          .map(
              name ->
                  AccessAction.fromWireName(name)
                      .orElseThrow(
                          () ->
                              new CliException(
                                  ExitCodes.USAGE,
                                  "unknown action "
                                      + name
                                      + "; use create, complete, read, read-all, list or"
                                      + " list-all")))
          .toList();
    }

    private Limits limits(AccessType accessType, WalletAddress wallet) {
      if (debitAmount == null && receiveAmount == null && interval == null) {
        return null;
      }
      if (accessType != AccessType.OUTGOING_PAYMENT) {
        throw new CliException(
            ExitCodes.USAGE,
            "--debit-amount, --receive-amount and --interval are limits of outgoing-payment"
                + " grants only");
      }
      Amount debit = debitAmount == null ? null : HumanUnits.parse(debitAmount, wallet.asset());
      Amount receive =
          receiveAmount == null ? null : HumanUnits.parse(receiveAmount, wallet.asset());
      return new Limits(null, interval, debit, receive);
    }

    private static String describe(AccessToken token) {
      return token.access().stream()
          .map(
              item ->
                  item.actions().stream()
                      .map(AccessAction::wireName)
                      .collect(Collectors.joining(",")))
          .collect(Collectors.joining("; "));
    }
  }
}
