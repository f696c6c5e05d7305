package dev.opkit.mock.clientrun;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.mock.report.ReportCard;
import dev.opkit.mock.report.RuleResult;
import dev.opkit.mock.report.Verdict;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.mock.session.CreatedSession;
import dev.opkit.mock.session.NewSession;
import dev.opkit.mock.session.Scenarios;
import dev.opkit.mock.session.Session;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.wallet.NewWallet;
import dev.opkit.protocol.amount.Asset;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.PemKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./kit --client <scenario> -- <command…>} (issue 18): starts a sandbox in this process with
 * a session of the named scenario and a client wallet with two fresh keys (its key and the next
 * one, for {@code key-rotation}), prints the environment the client's command needs, runs the
 * command with it, and prints the report card of what the command did. Exit status: 0 when no MUST
 * rule failed, 1 when one did, 2 for wrong arguments, 3 when the command could not run or exited
 * non-zero (the card is still printed).
 */
public final class ClientConformanceRun {
  /** The client wallet the run makes, on ase1. */
  static final String CLIENT_WALLET = "client-under-test";

  /** Its key id. */
  static final String KEY_ID = "client-under-test-key";

  /** The id of the key registered next, for the {@code key-rotation} scenario. */
  static final String NEXT_KEY_ID = "client-under-test-key-2";

  private ClientConformanceRun() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(Arrays.asList(args), out, err));
  }

  /** The whole run; returns the exit status. */
  public static int run(List<String> args, PrintWriter out, PrintWriter err) {
    int separator = args.indexOf("--");
    if (args.isEmpty() || args.get(0).equals("--list") || separator != 1) {
      if (!args.isEmpty() && args.get(0).equals("--list")) {
        Scenarios.all().forEach(s -> out.println(s.name() + "\t" + s.description()));
        return 0;
      }
      err.println(
          "usage: ./kit --client <scenario> -- <command...>   (./kit --client --list: the"
              + " scenarios)");
      return 2;
    }
    String scenario = args.get(0);
    List<String> command = args.subList(separator + 1, args.size());
    if (command.isEmpty()) {
      err.println("kit --client: give the command that runs your client after --");
      return 2;
    }
    try {
      Scenarios.named(scenario);
    } catch (IllegalArgumentException e) {
      err.println("kit --client: " + e.getMessage());
      return 2;
    }
    try (Sandbox sandbox = Sandbox.create(SandboxConfig.defaults().ephemeral()).start()) {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.put("name", "client conformance: " + scenario);
      body.put("scenario", scenario);
      CreatedSession created =
          sandbox.sessions().create(NewSession.read(body).toConfig(sandbox.config()), false);
      Session session = created.session();
      Map<String, String> env = environment(sandbox, session);
      out.println("Scenario " + scenario + ": " + Scenarios.named(scenario).description());
      out.println("Environment for the client (also set for the command):");
      env.forEach((k, v) -> out.println("  " + k + "=" + v));
      out.flush();
      int status = runCommand(command, env, err);
      ReportCard card = sandbox.reports().report(session);
      print(card, out);
      if (card.mustBroken()) {
        return 1;
      }
      if (status != 0) {
        err.println("kit --client: the command exited with " + status);
        return 3;
      }
      return 0;
    } catch (IOException e) {
      err.println("kit --client: " + e.getMessage());
      return 3;
    }
  }

  private static Map<String, String> environment(Sandbox sandbox, Session session)
      throws IOException {
    SessionAse ase1 = session.at("ase1");
    SessionAse ase2 = session.at("ase2");
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    Ed25519KeyPair next = Ed25519KeyPair.generate();
    sandbox
        .wallets()
        .create(ase1, new NewWallet(CLIENT_WALLET, "Client under test", new Asset("USD", 2), null));
    sandbox.wallets().addKey(ase1, CLIENT_WALLET, key.toJwk(KEY_ID));
    sandbox.wallets().addKey(ase1, CLIENT_WALLET, next.toJwk(NEXT_KEY_ID));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OPKIT_SESSION", session.id().value());
    env.put("OPKIT_ADMIN_URL", ase1.adminUrl());
    env.put("OPKIT_SENDER", ase1.walletUrl("alice"));
    env.put("OPKIT_RECEIVER", ase2.walletUrl("carol"));
    env.put("OPM_WALLET_ADDRESS", ase1.walletUrl(CLIENT_WALLET));
    env.put("OPM_KEY_ID", KEY_ID);
    env.put("OPM_PRIVATE_KEY", keyFile(key).toString());
    env.put("OPM_NEXT_KEY_ID", NEXT_KEY_ID);
    env.put("OPM_NEXT_PRIVATE_KEY", keyFile(next).toString());
    env.put("OPM_CLOCK_URL", ase1.adminUrl() + "/clock");
    return env;
  }

  /** The private key in a PEM file only this user can read, deleted when the run ends. */
  private static Path keyFile(Ed25519KeyPair key) throws IOException {
    Path file = Files.createTempFile("opkit-client-", ".pem");
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the temp directory's own protection applies
    }
    Files.writeString(file, PemKeys.writePrivateKey(key));
    file.toFile().deleteOnExit();
    return file;
  }

  private static int runCommand(List<String> command, Map<String, String> env, PrintWriter err) {
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().putAll(env);
    try {
      return builder.start().waitFor();
    } catch (IOException e) {
      err.println("kit --client: could not run " + command.get(0) + ": " + e.getMessage());
      return 127;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }

  /** The card as text: one line per rule, its evidence under a failure. */
  static void print(ReportCard card, PrintWriter out) {
    out.println();
    out.println(
        "Client report card: "
            + card.passed()
            + " passed, "
            + card.failed()
            + " failed, "
            + card.notExercised()
            + " not exercised"
            + (card.mustBroken() ? " (a MUST was broken)" : ""));
    List<String> lines = new ArrayList<>();
    for (RuleResult rule : card.rules()) {
      String mark =
          rule.verdict() == Verdict.PASSED
              ? "ok  "
              : rule.verdict() == Verdict.FAILED ? "FAIL" : "--  ";
      lines.add(
          "  "
              + mark
              + " "
              + rule.level()
              + " "
              + rule.id()
              + ": "
              + rule.explanation()
              + "  ["
              + rule.clause()
              + "]");
      if (rule.verdict() == Verdict.FAILED) {
        rule.evidence()
            .forEach(
                e ->
                    lines.add(
                        "         #"
                            + e.sequence()
                            + (e.method() == null ? "" : " " + e.method() + " " + e.path())
                            + (e.status() == null ? "" : " -> " + e.status())
                            + ": "
                            + e.note()));
      }
    }
    lines.forEach(out::println);
    out.flush();
  }
}
