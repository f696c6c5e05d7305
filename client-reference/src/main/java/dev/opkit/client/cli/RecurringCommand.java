package dev.opkit.client.cli;

import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.client.recurring.AmountSide;
import dev.opkit.client.recurring.FileScheduleStore;
import dev.opkit.client.recurring.RecurringPayments;
import dev.opkit.client.recurring.SchedulePlan;
import dev.opkit.client.recurring.ScheduleState;
import dev.opkit.client.recurring.StateFileException;
import dev.opkit.protocol.interval.InvalidIntervalException;
import dev.opkit.protocol.interval.RepeatingInterval;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code opm recurring}: schedules of payments, kept in a state file. */
@Command(
    name = "recurring",
    mixinStandardHelpOptions = true,
    description = "Recurring payments with one consented grant, as the Open Payments guide does.",
    subcommands = {
      RecurringCommand.Start.class,
      RecurringCommand.Run.class,
      RecurringCommand.Status.class,
      RecurringCommand.Cancel.class
    })
final class RecurringCommand {
  static final String CLOCK_URL_NOTE = "clockUrl";
  static final String KEY_FILE_NOTE = "keyFile";
  static final String NEXT_KEY_FILE_NOTE = "nextKeyFile";
  static final String NEXT_KEY_ID_NOTE = "nextKeyId";

  /** {@code opm recurring start}. */
  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = {
        "Start a schedule: get the user's consent for an outgoing-payment grant limited to"
            + " AMOUNT per period, and make the first payment.",
        "The state file keeps the schedule for 'opm recurring run'."
      })
  static final class Start implements Callable<Integer> {
    private final CliContext context;

    @Mixin GlobalOptions global;

    @Mixin ConsentOptions consent;

    @Mixin StateOption state;

    @Option(names = "--from", required = true, paramLabel = "URL", description = "Sender.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "URL", description = "Receiver.")
    String to;

    @Option(
        names = "--amount",
        required = true,
        paramLabel = "AMOUNT",
        description = "Per payment, in human units, e.g. 5.00; debited unless --receive.")
    String amount;

    @Option(names = "--receive", description = "The amount is what the receiver gets.")
    boolean receive;

    @Option(
        names = "--every",
        paramLabel = "DURATION",
        defaultValue = "P1M",
        description = "The period, ISO 8601, e.g. P1M, P1W, P1D (default: ${DEFAULT-VALUE}).")
    String every;

    @Option(
        names = "--times",
        paramLabel = "N",
        description = "How many payments (default: until cancelled).")
    Integer times;

    @Option(
        names = "--start",
        paramLabel = "DATE-TIME",
        converter = StartConverter.class,
        description =
            "When the first period starts, an RFC 3339 date-time or date, e.g."
                + " 2026-01-01T09:00:00Z or 2026-01-01 (midnight UTC) (default: now, by the"
                + " wallet's clock).")
    Instant start;

    Start(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      requireIsoDuration(every);
      Session session = new Session(context, global);
      Identities.Parts identity = session.givenIdentity();
      OpenPaymentsClient client = session.client(identity);
      String clockUrl = session.givenClockUrl();
      Clock clock = session.clock(clockUrl);
      Instant first = start != null ? start : clock.instant().truncatedTo(ChronoUnit.SECONDS);
      String interval = "R" + (times == null ? "" : times) + "/" + first + "/" + every;
      Map<String, String> notes = new LinkedHashMap<>();
      if (clockUrl != null) {
        notes.put(CLOCK_URL_NOTE, clockUrl);
      }
      if (identity.keyFile() != null) {
        notes.put(KEY_FILE_NOTE, identity.keyFile());
      }
      if (identity.nextKeyFile() != null) {
        notes.put(NEXT_KEY_FILE_NOTE, identity.nextKeyFile());
        notes.put(NEXT_KEY_ID_NOTE, identity.nextKeyId());
      }
      FileScheduleStore store = state.store(context);
      ScheduleState result =
          new RecurringPayments(client, store, clock, session.console()::step)
              .start(
                  SchedulePlan.recurring(
                      from, to, amount, receive ? AmountSide.RECEIVE : AmountSide.DEBIT, interval),
                  consent.handler(session.console()),
                  notes);
      return show(session.console(), result, store);
    }
  }

  /** Refuses an {@code --every} that is no ISO 8601 duration before anything is sent. */
  private static void requireIsoDuration(String every) {
    try {
      RepeatingInterval.parse("R/2000-01-01T00:00:00Z/" + every);
    } catch (InvalidIntervalException e) {
      throw new CliException(
          ExitCodes.USAGE,
          "--every \""
              + every
              + "\" is not an ISO 8601 duration; write it like P1M (a month), P1W (a week),"
              + " P1D (a day) or PT12H (12 hours)");
    }
  }

  /** {@code opm recurring run}. */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Make every payment that is due, then exit; nothing happens when none is. Run it from"
            + " cron, e.g. daily.",
        "Identity and clock URL default to those the schedule was started with."
      })
  static final class Run implements Callable<Integer> {
    private final CliContext context;

    @Mixin GlobalOptions global;

    @Mixin ConsentOptions consent;

    @Mixin StateOption state;

    Run(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Session session = new Session(context, global);
      FileScheduleStore store = state.store(context);
      ScheduleState saved = load(store);
      ScheduleState result = engine(session, store, saved).run(consent.handler(session.console()));
      return show(session.console(), result, store);
    }
  }

  /** {@code opm recurring status}. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Show the schedule: its status, payments made and the next due date.")
  static final class Status implements Callable<Integer> {
    private final CliContext context;

    @Mixin GlobalOptions global;

    @Mixin StateOption state;

    Status(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Session session = new Session(context, global);
      FileScheduleStore store = state.store(context);
      ScheduleView view = ScheduleView.of(load(store), store.describe());
      view.print(session.console());
      session.console().result(view);
      return ExitCodes.OK;
    }
  }

  /** {@code opm recurring cancel}. */
  @Command(
      name = "cancel",
      mixinStandardHelpOptions = true,
      description = "Cancel the schedule and revoke its grant at the sender's wallet.")
  static final class Cancel implements Callable<Integer> {
    private final CliContext context;

    @Mixin GlobalOptions global;

    @Mixin StateOption state;

    Cancel(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Session session = new Session(context, global);
      FileScheduleStore store = state.store(context);
      ScheduleState result = engine(session, store, load(store)).cancel();
      return show(session.console(), result, store);
    }
  }

  private static ScheduleState load(FileScheduleStore store) {
    return store
        .load()
        .orElseThrow(
            () ->
                new StateFileException(
                    "no schedule in "
                        + store.describe()
                        + "; start one with 'opm recurring start' or point --state at its file"));
  }

  /**
   * An engine for a saved schedule: what was not given now comes from the state file. Once the
   * schedule's client switched to its next key, it starts with that key, so a rotated-out key is
   * not tried again on every run.
   */
  private static RecurringPayments engine(
      Session session, FileScheduleStore store, ScheduleState saved) {
    Identities.Parts identity =
        session
            .givenIdentity()
            .or(
                new Identities.Parts(
                    saved.clientWalletAddress(),
                    saved.notes().get(KEY_FILE_NOTE),
                    saved.clientKeyId(),
                    saved.notes().get(NEXT_KEY_FILE_NOTE),
                    saved.notes().get(NEXT_KEY_ID_NOTE)))
            .signingWith(saved.clientKeyId());
    String clockUrl =
        session.givenClockUrl() != null
            ? session.givenClockUrl()
            : saved.notes().get(CLOCK_URL_NOTE);
    return new RecurringPayments(
        session.client(identity), store, session.clock(clockUrl), session.console()::step);
  }

  private static int show(Console console, ScheduleState state, FileScheduleStore store) {
    ScheduleView view = ScheduleView.of(state, store.describe());
    console.line("");
    view.print(console);
    console.result(view);
    return ScheduleView.exitCode(state);
  }
}
