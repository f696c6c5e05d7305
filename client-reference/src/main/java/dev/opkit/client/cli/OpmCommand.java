package dev.opkit.client.cli;

import picocli.CommandLine.Command;

/** The top {@code opm} command; it only holds the subcommands. */
@Command(
    name = "opm",
    mixinStandardHelpOptions = true,
    version = "opm 0.1.0 (Open Payments 1.3.0)",
    description =
        "Open Payments from the command line: keys, wallet addresses, grants, one-off and"
            + " recurring payments, against any Open Payments wallet or this project's sandbox.",
    subcommands = {
      KeysCommand.class,
      WalletCommand.class,
      GrantCommand.class,
      PayCommand.class,
      RecurringCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 internal error, 2 usage, 3 wallet error answer, 4 network,",
      "5 answer breaks the spec, 6 consent not given, 7 schedule stopped, 8 state file.",
      ""
    })
final class OpmCommand {}
