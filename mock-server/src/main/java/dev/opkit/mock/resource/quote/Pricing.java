package dev.opkit.mock.resource.quote;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.ErrorCodes;
import dev.opkit.mock.sandbox.FeeConfig;
import dev.opkit.mock.sandbox.RateConfig;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.AmountOverflowException;
import dev.opkit.protocol.amount.AmountValue;
import dev.opkit.protocol.amount.Asset;
import dev.opkit.protocol.amount.ExchangeRate;
import dev.opkit.protocol.amount.HumanUnits;
import dev.opkit.protocol.amount.Rounding;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the sandbox prices a payment: the configured exchange rates between asset codes (a rate
 * configured one way serves the other way exactly, by division) and one fee rule, {@code fee =
 * fixed + ceil(sent × basisPoints / 10 000)} in the sender's asset, where {@code sent} is what
 * crosses to the receiver before conversion and {@code debit = sent + fee}. Conversions round as
 * the protocol's {@link Rounding} says: what a receiver is promised from a fixed debit rounds down,
 * what a sender pays for a fixed receive amount rounds up.
 */
public final class Pricing {
  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

  private final Map<String, BigDecimal> rates = new HashMap<>();
  private final FeeConfig fees;

  public Pricing(List<RateConfig> configured, FeeConfig fees) {
    this.fees = fees;
    for (RateConfig rate : configured) {
      rates.put(key(rate.from(), rate.to()), rate.rate());
    }
  }

  /**
   * A fixed-send payment: the debit amount is given, the fee comes out of it.
   *
   * @throws ApiException 400 when no rate is configured or nothing would be left to deliver
   */
  public Priced fixedSend(Amount debit, Asset receiveAsset) {
    BigInteger total = debit.value();
    // The largest sent with sent + fee(sent) <= debit; start from the exact real solution.
    BigInteger sent =
        total
            .subtract(fees.fixed())
            .multiply(TEN_THOUSAND)
            .divide(TEN_THOUSAND.add(BigInteger.valueOf(fees.basisPoints())))
            .max(BigInteger.ZERO);
    while (sent.signum() > 0 && sent.add(fee(sent)).compareTo(total) > 0) {
      sent = sent.subtract(BigInteger.ONE);
    }
    while (sent.add(BigInteger.ONE).add(fee(sent.add(BigInteger.ONE))).compareTo(total) <= 0) {
      sent = sent.add(BigInteger.ONE);
    }
    if (sent.signum() == 0) {
      throw tooSmall(debit, receiveAsset, "does not cover the fee");
    }
    Amount sentAmount = Amount.of(sent, debit.asset());
    Amount receive = convert(sentAmount, receiveAsset, Rounding.DOWN);
    if (receive.isZero()) {
      throw tooSmall(debit, receiveAsset, "converts to nothing in " + receiveAsset.code());
    }
    return new Priced(debit, sentAmount, debit.minus(sentAmount), receive);
  }

  /**
   * A fixed-receive payment: the receive amount is given, the sender pays what converts to at least
   * that much, plus the fee.
   *
   * @throws ApiException 400 when no rate is configured or the debit would pass 2^64 - 1
   */
  public Priced fixedReceive(Amount receive, Asset debitAsset) {
    try {
      Amount sent = sourceFor(receive, debitAsset);
      Amount fee = Amount.of(fee(sent.value()), debitAsset);
      return new Priced(sent.plus(fee), sent, fee, receive);
    } catch (AmountOverflowException e) {
      throw new ApiException(
          400,
          ErrorCodes.INVALID_AMOUNT,
          "receiving "
              + HumanUnits.format(receive)
              + " would cost more than an amount can express");
    }
  }

  /**
   * The smallest debit amount that delivers anything: what must cross to deliver one smallest unit
   * of the receiver's asset, plus its fee; empty when no amount can deliver anything.
   */
  public Optional<Amount> minSendAmount(Asset debitAsset, Asset receiveAsset) {
    try {
      BigInteger sent =
          sourceFor(Amount.of(1, receiveAsset), debitAsset).value().max(BigInteger.ONE);
      BigInteger debit = sent.add(fee(sent));
      return debit.compareTo(AmountValue.MAX) <= 0
          ? Optional.of(Amount.of(debit, debitAsset))
          : Optional.empty();
    } catch (AmountOverflowException e) {
      return Optional.empty();
    }
  }

  /** The fee on an amount sent, by the configured rule. */
  public BigInteger fee(BigInteger sent) {
    BigInteger variable =
        sent.multiply(BigInteger.valueOf(fees.basisPoints()))
            .add(TEN_THOUSAND.subtract(BigInteger.ONE))
            .divide(TEN_THOUSAND);
    return fees.fixed().add(variable);
  }

  private Amount convert(Amount source, Asset to, Rounding rounding) {
    Asset from = source.asset();
    try {
      if (from.code().equals(to.code())) {
        return ExchangeRate.identity(from, to).convert(source, rounding);
      }
      BigDecimal forward = rates.get(key(from.code(), to.code()));
      if (forward != null) {
        return new ExchangeRate(from, to, forward).convert(source, rounding);
      }
      return new ExchangeRate(to, from, backward(from, to)).sourceFor(source, rounding);
    } catch (AmountOverflowException e) {
      throw new ApiException(400, ErrorCodes.INVALID_AMOUNT, e.getMessage());
    }
  }

  private Amount sourceFor(Amount target, Asset from) {
    Asset to = target.asset();
    if (from.code().equals(to.code())) {
      return ExchangeRate.identity(from, to).sourceFor(target, Rounding.UP);
    }
    BigDecimal forward = rates.get(key(from.code(), to.code()));
    if (forward != null) {
      return new ExchangeRate(from, to, forward).sourceFor(target, Rounding.UP);
    }
    return new ExchangeRate(to, from, backward(from, to)).convert(target, Rounding.UP);
  }

  /** The rate configured the other way round (to → from), or 400 when there is none. */
  private BigDecimal backward(Asset from, Asset to) {
    BigDecimal rate = rates.get(key(to.code(), from.code()));
    if (rate == null) {
      throw new ApiException(
          400,
          ErrorCodes.INVALID_REQUEST,
          "the sandbox has no exchange rate between "
              + from.code()
              + " and "
              + to.code()
              + "; configure one under 'rates'");
    }
    return rate;
  }

  /**
   * 400 for a debit that delivers nothing, with the smallest one that would in {@code
   * details.minSendAmount} (as Rafiki answers, under its description "non-positive receive
   * amount").
   */
  private ApiException tooSmall(Amount debit, Asset receiveAsset, String why) {
    String description =
        "non-positive receive amount: a debit amount of " + HumanUnits.format(debit) + " " + why;
    Optional<Amount> min = minSendAmount(debit.asset(), receiveAsset);
    if (min.isEmpty()) {
      return new ApiException(400, ErrorCodes.INVALID_AMOUNT, description);
    }
    return new ApiException(
        400,
        ErrorCodes.INVALID_AMOUNT,
        description
            + "; the smallest that delivers anything is "
            + HumanUnits.format(min.get())
            + " (details.minSendAmount)",
        Map.of("minSendAmount", min.get()));
  }

  private static String key(String from, String to) {
    return from + "/" + to;
  }
}
