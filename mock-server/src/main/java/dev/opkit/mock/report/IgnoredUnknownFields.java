package dev.opkit.mock.report;

import dev.opkit.mock.store.ClientExchange;
import dev.opkit.mock.store.MisbehaviourFiring;
import dev.opkit.mock.store.MisbehaviourKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A document with fields the client never saw is used as it is: the client goes on with its journey
 * (its next request is another one) instead of asking for the same document again at once or, after
 * a wallet address document, stopping there.
 */
final class IgnoredUnknownFields implements ClientRule {
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
      exercised++;
      ClientExchange document = answered.get();
      Optional<ClientExchange> next =
          trail.exchangesAfter(document.sequence()).stream().findFirst();
      if (next.isEmpty()) {
        if (document.operation().equals("get-wallet-address")) {
          faults.add(
              ClientTrail.evidence(
                  document, "the client stopped after this wallet address document"));
        }
      } else if (next.get().method().equals(document.method())
          && next.get().path().equals(document.path())) {
        faults.add(
            ClientTrail.evidence(
                next.get(),
                "asked for the same document again right after entry " + document.sequence()));
      } else {
        good.add(
            ClientTrail.evidence(
                next.get(), "went on after the document of entry " + document.sequence()));
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
}
