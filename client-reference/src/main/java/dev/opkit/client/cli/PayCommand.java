package dev.opkit.client.cli;

import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.client.recurring.AmountSide;
import dev.opkit.client.recurring.InMemoryScheduleStore;
import dev.opkit.client.recurring.RecurringPayments;
import dev.opkit.client.recurring.SchedulePlan;
import dev.opkit.client.recurring.ScheduleState;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code opm pay}: one payment, the guide's steps 1–10. */
@Command(
    name = "pay",
    mixinStandardHelpOptions = true,
    description = {
      "Make one payment: incoming payment at the receiver, quote and consented outgoing-payment"
          + " grant at the sender, then the outgoing payment."
    })
final class PayCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin GlobalOptions global;

  @Mixin ConsentOptions consent;

  @Option(names = "--from", required = true, paramLabel = "URL", description = "Sender.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "URL", description = "Receiver.")
  String to;

  @Option(
      names = "--amount",
      required = true,
      paramLabel = "AMOUNT",
      description = "In human units, e.g. 5.00; debited from the sender unless --receive.")
  String amount;

  @Option(names = "--receive", description = "The amount is what the receiver gets.")
  boolean receive;

  PayCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Session session = new Session(context, global);
    Console console = session.console();
    OpenPaymentsClient client = session.client(session.givenIdentity());
    RecurringPayments engine =
        new RecurringPayments(
            client,
            new InMemoryScheduleStore(),
            session.clock(session.givenClockUrl()),
            console::step);
    ScheduleState state =
        engine.start(
            SchedulePlan.once(from, to, amount, receive ? AmountSide.RECEIVE : AmountSide.DEBIT),
            consent.handler(console),
            Map.of());
    ScheduleView view = ScheduleView.of(state, null);
    console.line("");
    view.print(console);
    console.result(view);
    return ScheduleView.exitCode(state);
  }
}
