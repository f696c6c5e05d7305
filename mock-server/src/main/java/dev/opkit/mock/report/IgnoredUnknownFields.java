package dev.opkit.mock.report;

import dev.opkit.mock.store.ClientExchange;
import dev.opkit.mock.store.MisbehaviourFiring;
import dev.opkit.mock.store.MisbehaviourKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A document with fields the client never saw is used as it is: the client goes on with its journey
 * (a request that is not the same one again follows) instead of asking for the same document again
 * and going no further, or asking for it again and again. Reading a document once more before going
 * on is fine (a client need not cache it); sending nothing more after it grades nothing (a lookup
 * may end there).
 */
final class IgnoredUnknownFields implements ClientRule {
  /** Asking for the same document this many times in a row is retrying it, not reading it. */
  static final int MAX_REREADS = 3;

  @Override
  public String id() {
    return "ignored-unknown-fields";
  }

  @Override
  public String title() {
    return "Ignores fields it does not know in wallet address and resource documents";
  }

  @Override
  public String clause() {
    return "Open Payments OpenAPI 1.3: documents allow additional properties; Open Payments docs:"
        + " wallet address (Rafiki adds fields such as cardService)";
  }

  @Override
  public String level() {
    return "SHOULD";
  }

  @Override
  public RuleResult grade(ClientTrail trail) {
    List<Evidence> faults = new ArrayList<>();
    List<Evidence> good = new ArrayList<>();
    int exercised = 0;
    for (MisbehaviourFiring firing : trail.firings(MisbehaviourKind.EXTRA_FIELDS)) {
      List<ClientExchange> after = trail.exchangesAfter(firing.sequence());
      Optional<ClientExchange> answered =
          after.stream().filter(e -> e.operation().equals(firing.operation())).findFirst();
      if (answered.isEmpty() || answered.get().status() / 100 != 2) {
        continue; // not answered with a document: nothing was added
      }
      ClientExchange document = answered.get();
      List<ClientExchange> next = trail.exchangesAfter(document.sequence());
      int rereads = 0;
      while (rereads < next.size() && sameRequest(next.get(rereads), document)) {
        rereads++;
      }
      boolean wentOn = rereads < next.size();
      if (!wentOn && rereads == 0) {
        continue; // the client sent nothing more: its journey may simply have ended here
      }
      exercised++;
      if (!wentOn || rereads >= MAX_REREADS) {
        faults.add(
            ClientTrail.evidence(
                next.get(rereads - 1),
                "asked for the document of entry "
                    + document.sequence()
                    + " again "
                    + rereads
                    + (rereads == 1 ? " time" : " times")
                    + (wentOn ? " in a row" : " and went no further")));
      } else {
        good.add(
            ClientTrail.evidence(
                next.get(rereads), "went on after the document of entry " + document.sequence()));
      }
    }
    if (exercised == 0) {
      return result(
          Verdict.NOT_EXERCISED,
          "no document carried unknown fields (misbehaviour extra-fields)",
          List.of());
    }
    if (!faults.isEmpty()) {
      return result(
          Verdict.FAILED,
          "the client did not go on with documents carrying unknown fields",
          faults);
    }
    return result(
        Verdict.PASSED,
        exercised + " documents carried unknown fields; the client went on with each",
        good);
  }

  private static boolean sameRequest(ClientExchange e, ClientExchange document) {
    return e.method().equals(document.method()) && e.path().equals(document.path());
  }
}
