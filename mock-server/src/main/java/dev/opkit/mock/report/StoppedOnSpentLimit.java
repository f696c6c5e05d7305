package dev.opkit.mock.report;

import dev.opkit.mock.http.ErrorCodes;
import dev.opkit.mock.http.Operations;
import dev.opkit.mock.store.ClientExchange;
import java.util.ArrayList;
import java.util.List;

/**
 * Once the wallet refused an outgoing payment because the grant's limit is spent or would be
 * exceeded, the client does not hammer: at most one further refused attempt (e.g. a smaller one)
 * before a payment goes through again.
 */
final class StoppedOnSpentLimit implements ClientRule {
  /** Limit refusals in a row that are still fine: the one that tells, and one more. */
  static final int ALLOWED_REFUSALS = 2;

  @Override
  public String id() {
    return "stopped-on-spent-limit";
  }

  @Override
  public String title() {
    return "Stops on a spent limit: at most one further attempt after the refusal";
  }

  @Override
  public String clause() {
    return "Open Payments docs: grants (limits: debitAmount, receiveAmount, interval)";
  }

  @Override
  public String level() {
    return "SHOULD";
  }

  @Override
  public RuleResult grade(ClientTrail trail) {
    List<ClientExchange> payments =
        trail.exchanges().stream()
            .filter(e -> e.operation().equals(Operations.CREATE_OUTGOING_PAYMENT))
            .toList();
    List<ClientExchange> inARow = new ArrayList<>();
    List<ClientExchange> firstRefusals = new ArrayList<>();
    for (ClientExchange e : payments) {
      if (ErrorCodes.LIMIT_EXCEEDED.equals(e.errorCode())) {
        if (inARow.isEmpty()) {
          firstRefusals.add(e);
        }
        inARow.add(e);
        if (inARow.size() > ALLOWED_REFUSALS) {
          return result(
              Verdict.FAILED,
              "the client tried "
                  + inARow.size()
                  + " payments in a row that the limit refused (at most "
                  + ALLOWED_REFUSALS
                  + " are fine)",
              inARow.stream().map(r -> ClientTrail.evidence(r, "refused: limit")).toList());
        }
      } else if (e.status() >= 200 && e.status() < 300) {
        inARow.clear();
      }
    }
    if (firstRefusals.isEmpty()) {
      return result(
          Verdict.NOT_EXERCISED, "no payment was refused for the grant's limit", List.of());
    }
    return result(
        Verdict.PASSED,
        "the client stopped after each refusal for the grant's limit",
        firstRefusals.stream().map(r -> ClientTrail.evidence(r, "refused: limit")).toList());
  }
}
