package dev.opkit.mock.resource.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.sandbox.FeeConfig;
import dev.opkit.mock.sandbox.RateConfig;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.Asset;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricingTest {
  private static final Asset USD = new Asset("USD", 2);
  private static final Asset EUR = new Asset("EUR", 2);
  private static final Asset USD9 = new Asset("USD", 9);

  private final Pricing pricing =
      new Pricing(List.of(new RateConfig("USD", "EUR", new BigDecimal("0.9"))), FeeConfig.DEFAULT);

  @Test
  void fixedSendWhenOnePercentFeeThenFeeInsideTheDebitAndReceiverRoundedDown() {
    Priced price = pricing.fixedSend(Amount.of(1000, USD), EUR);

    assertThat(price.debit()).isEqualTo(Amount.of(1000, USD));
    assertThat(price.sent()).isEqualTo(Amount.of(990, USD));
    assertThat(price.fee()).isEqualTo(Amount.of(10, USD));
    assertThat(price.receive()).isEqualTo(Amount.of(891, EUR));
  }

  @Test
  void fixedSendWhenAnyDebitThenSentPlusFeeNeverExceedsIt() {
    for (long debit = 1; debit < 3000; debit += 7) {
      try {
        Priced price = pricing.fixedSend(Amount.of(debit, USD), USD);
        assertThat(price.sent().plus(price.fee())).isEqualTo(price.debit());
        assertThat(price.fee().value()).isGreaterThanOrEqualTo(pricing.fee(price.sent().value()));
        BigInteger oneMore = price.sent().value().add(BigInteger.ONE);
        assertThat(oneMore.add(pricing.fee(oneMore))).isGreaterThan(BigInteger.valueOf(debit));
      } catch (ApiException tooSmall) {
        assertThat(debit).isLessThan(3);
      }
    }
  }

  @Test
  void fixedReceiveWhenOtherDirectionThenExactInverseOfTheConfiguredRate() {
    Priced price = pricing.fixedReceive(Amount.of(1000, USD), EUR);

    assertThat(price.sent()).isEqualTo(Amount.of(900, EUR));
    assertThat(price.fee()).isEqualTo(Amount.of(9, EUR));
    assertThat(price.debit()).isEqualTo(Amount.of(909, EUR));
  }

  @Test
  void fixedReceiveWhenRateDoesNotDivideThenSenderCoversAtLeastTheAmount() {
    Priced price = pricing.fixedReceive(Amount.of(1, EUR), USD);

    // 0.01 EUR needs 1.11… cents: 2 cents, whose 1.8 EUR cents round down to 1.
    assertThat(price.sent()).isEqualTo(Amount.of(2, USD));
    assertThat(price.receive()).isEqualTo(Amount.of(1, EUR));
  }

  @Test
  void fixedSendWhenScalesDifferThenPowerOfTenExact() {
    Priced price = pricing.fixedSend(Amount.of(101, USD), USD9);

    assertThat(price.sent()).isEqualTo(Amount.of(100, USD));
    assertThat(price.receive()).isEqualTo(Amount.of(1_000_000_000L, USD9));
  }

  @Test
  void priceWhenNoRateConfiguredThen400() {
    assertThatThrownBy(() -> pricing.fixedSend(Amount.of(1000, USD), new Asset("GBP", 2)))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("no exchange rate between USD and GBP");
  }

  @Test
  void fixedSendWhenDebitCannotCoverTheFeeThen400() {
    Pricing fixedFee = new Pricing(List.of(), new FeeConfig(0, BigInteger.valueOf(50)));

    assertThatThrownBy(() -> fixedFee.fixedSend(Amount.of(50, USD), USD))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("does not cover the fee");
  }

  @Test
  void minSendAmountWhenAnyFeeAndRateThenTheSmallestDebitThatDeliversAnything() {
    for (String rate : List.of("0.01", "0.9", "1", "3.7", "100")) {
      for (FeeConfig fee :
          List.of(
              new FeeConfig(0, BigInteger.ZERO),
              new FeeConfig(100, BigInteger.ZERO),
              new FeeConfig(200, BigInteger.valueOf(50)),
              new FeeConfig(2000, BigInteger.valueOf(50)))) {
        Pricing priced =
            new Pricing(List.of(new RateConfig("USD", "EUR", new BigDecimal(rate))), fee);
        for (Asset[] pair : new Asset[][] {{USD, EUR}, {EUR, USD}}) {
          Amount min = priced.minSendAmount(pair[0], pair[1]).orElseThrow();

          assertThat(priced.fixedSend(min, pair[1]).receive().value()).isPositive();
          Amount below = Amount.of(min.value().subtract(BigInteger.ONE), pair[0]);
          if (below.value().signum() > 0) {
            assertThatThrownBy(() -> priced.fixedSend(below, pair[1]))
                .as("rate %s, fee %s, %s", rate, fee, below)
                .isInstanceOfSatisfying(
                    ApiException.class,
                    e -> assertThat(e.details()).containsEntry("minSendAmount", min));
          }
        }
      }
    }
  }

  @Test
  void minSendAmountWhenRafikisTableThenExactWhereRafikiEstimates() {
    // Rafiki's quote tests at a rate of 0.01: it estimates ceil((100 + fixed) / (1 - bp / 10000)).
    Pricing mixed =
        new Pricing(
            List.of(new RateConfig("USD", "EUR", new BigDecimal("0.01"))),
            new FeeConfig(200, BigInteger.valueOf(50)));
    Pricing fixedOnly =
        new Pricing(
            List.of(new RateConfig("USD", "EUR", new BigDecimal("0.01"))),
            new FeeConfig(0, BigInteger.valueOf(50)));

    assertThat(fixedOnly.minSendAmount(USD, EUR)).contains(Amount.of(150, USD));
    // 100 cross, fee 50 + 2: 152 (Rafiki's estimate: 154).
    assertThat(mixed.minSendAmount(USD, EUR)).contains(Amount.of(152, USD));
  }
}
