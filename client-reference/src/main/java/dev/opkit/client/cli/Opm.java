package dev.opkit.client.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code opm} command line: keys, wallet addresses, grants, single and recurring payments
 * against any Open Payments wallet, built on the reference client. Exit codes are in {@link
 * ExitCodes}.
 */
public final class Opm {
  private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  private Opm() {}

  /** Runs {@code opm} and exits with its exit code. */
  public static void main(String[] args) {
    // The schema validator logs through SLF4J; a command line shows only its warnings.
    if (System.getProperty(LOG_LEVEL) == null) {
      System.setProperty(LOG_LEVEL, "warn");
    }
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(execute(args, out, err, System.getenv()));
  }

  /**
   * Runs {@code opm} in this process, printing to the given writers, with the given environment.
   *
   * @return the exit code
   */
  public static int execute(
      String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
    CliContext context = new CliContext(out, err, env);
    CommandLine cli = new CommandLine(new OpmCommand(), new CommandFactory(context));
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(new FailureHandler(context, args));
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Builds commands with the run's context. */
  private static final class CommandFactory implements CommandLine.IFactory {
    private final CliContext context;

    private CommandFactory(CliContext context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        return type.getDeclaredConstructor(CliContext.class).newInstance(context);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
