package dev.opkit.mock.spending;

import dev.opkit.mock.http.ApiError;
import dev.opkit.mock.http.ApiException;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.HumanUnits;
import dev.opkit.protocol.interval.IntervalWindow;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a refused payment is told to the client (403 {@code limit_exceeded}): the one place the words
 * and details of every {@link LimitVerdict.Refused} live.
 */
public final class LimitRefusals {
  private LimitRefusals() {}

  /** The error for a refusal, naming the limit, the spent amount and the window. */
  public static ApiException toError(LimitVerdict.Refused refused) {
    if (refused instanceof LimitVerdict.OtherReceiver r) {
      return refusal(
          "this grant may only pay the incoming payment " + r.allowed() + ", not " + r.paid(),
          Map.of("limit", "receiver", "receiver", r.allowed()));
    }
    if (refused instanceof LimitVerdict.OtherAsset a) {
      return refusal(
          "this grant's "
              + a.side()
              + " limit is in "
              + a.limit()
              + " but the payment's "
              + a.side()
              + " is in "
              + a.payment(),
          Map.of("limit", a.side()));
    }
    if (refused instanceof LimitVerdict.OverLimit o) {
      return overLimit(o);
    }
    if (refused instanceof LimitVerdict.Uncountable u) {
      return refusal(
          "this grant has spent "
              + u.spent().value()
              + " "
              + u.spent().asset()
              + " of "
              + u.side()
              + " "
              + scope(u.window())
              + "; counting "
              + u.payment().value()
              + " more would pass 2^64 - 1, the largest amount its spent amounts can show",
          Map.of(
              "limit",
              u.side(),
              "spentAmount",
              amountJson(u.spent()),
              "paymentAmount",
              amountJson(u.payment())));
    }
    if (refused instanceof LimitVerdict.OutOfReach r) {
      return refusal(
          "this grant's limits cannot be applied at this time, so it cannot authorize payments: "
              + r.why(),
          Map.of("limit", "interval", "interval", r.interval().toString()));
    }
    LimitVerdict.OutsideWindows w = (LimitVerdict.OutsideWindows) refused;
    return refusal(
        "no payment can be made under this grant at "
            + w.at()
            + ": the clock is outside every window of the interval "
            + w.interval()
            + " ("
            + w.why()
            + ")",
        Map.of("limit", "interval", "interval", w.interval().toString()));
  }

  private static ApiException overLimit(LimitVerdict.OverLimit o) {
    IntervalWindow window = o.window();
    String scope = scope(window);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("limit", o.side());
    details.put("limitAmount", amountJson(o.limit()));
    details.put("spentAmount", amountJson(o.spent()));
    details.put("remainingAmount", amountJson(o.remaining()));
    details.put("paymentAmount", amountJson(o.payment()));
    if (window != null) {
      details.put(
          "window",
          Map.of(
              "index",
              window.index(),
              "start",
              window.start().toString(),
              "end",
              window.end().toString()));
    }
    return refusal(
        "the payment's "
            + o.side()
            + " of "
            + HumanUnits.format(o.payment())
            + " exceeds what the grant allows "
            + scope
            + ": limit "
            + HumanUnits.format(o.limit())
            + ", spent "
            + HumanUnits.format(o.spent())
            + ", remaining "
            + HumanUnits.format(o.remaining()),
        details);
  }

  private static String scope(IntervalWindow window) {
    return window == null
        ? "over the grant's life"
        : "in the window " + window.start() + " to " + window.end();
  }

  private static Map<String, Object> amountJson(Amount money) {
    return Map.of(
        "value",
        money.value().toString(),
        "assetCode",
        money.asset().code(),
        "assetScale",
        money.asset().scale());
  }

  private static ApiException refusal(String description, Map<String, ?> details) {
    return ApiError.LIMIT_EXCEEDED.exception(description).withDetails(details);
  }
}
