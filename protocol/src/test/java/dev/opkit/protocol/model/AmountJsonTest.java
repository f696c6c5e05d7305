package dev.opkit.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.AmountOverflowException;
import dev.opkit.protocol.amount.AmountValue;
import dev.opkit.protocol.amount.Asset;
import dev.opkit.protocol.amount.AssetMismatchException;
import dev.opkit.protocol.amount.InvalidAmountException;
import dev.opkit.protocol.json.InvalidJsonException;
import dev.opkit.protocol.json.Json;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountJsonTest {
  private static final Asset USD = new Asset("USD", 2);

  @Test
  void jsonWhenSpecAmountThenValueIsStringOnTheWire() {
    Amount amount =
        RoundTrip.assertRoundTrip(
            "{\"value\":\"2500\",\"assetCode\":\"USD\",\"assetScale\":2}", Amount.class);
    assertThat(amount.value()).isEqualTo(2500);
    assertThat(Json.write(amount))
        .isEqualTo("{\"value\":\"2500\",\"assetCode\":\"USD\",\"assetScale\":2}");
  }

  @Test
  void jsonWhenMaximumValueThenExact() {
    Amount amount =
        Json.read(
            "{\"value\":\"18446744073709551615\",\"assetCode\":\"XRP\",\"assetScale\":9}",
            Amount.class);
    assertThat(amount.value()).isEqualTo(AmountValue.MAX);
    assertThat(Json.write(amount)).contains("\"18446744073709551615\"");
  }

  @Test
  void readWhenValueIsJsonNumberThenInvalidAmountMessageSurvivesWithPath() {
    String body =
        "{\"walletAddress\":\"https://wallet.example/alice\","
            + "\"incomingAmount\":{\"value\":2500,\"assetCode\":\"USD\",\"assetScale\":2}}";
    assertThatThrownBy(() -> Json.read(body, CreateIncomingPaymentRequest.class))
        .isInstanceOfSatisfying(
            InvalidJsonException.class,
            e -> {
              assertThat(e.path()).isEqualTo("incomingAmount.value");
              assertThat(e.problem())
                  .isEqualTo(
                      "amount value must be a JSON string of digits such as \"2500\", not the"
                          + " JSON number 2500");
            })
        .hasRootCauseInstanceOf(InvalidAmountException.class);
  }

  @ParameterizedTest(name = "value {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'\"-5\"'|cannot be negative",
        "'\"5.00\"'|decimal separator",
        "'\"+5\"'|plus sign",
        "'\"\"'|empty",
        "'\" 5\"'|whitespace",
        "'\"5 \"'|whitespace",
        "'\"18446744073709551616\"'|2^64-1",
        "'\"12a\"'|the character 'a'",
        "'25.5'|not the JSON number 25.5",
        "'true'|not the JSON boolean true",
        "'null'|null",
        "'{}'|not a JSON object"
      })
  void readWhenValueInvalidThenInvalidAmountWithActionableMessage(String value, String message) {
    String json = "{\"value\":" + value + ",\"assetCode\":\"USD\",\"assetScale\":2}";
    assertThatThrownBy(() -> Json.read(json, Amount.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining(message)
        .hasRootCauseInstanceOf(InvalidAmountException.class);
  }

  @Test
  void readWhenValueMissingThenInvalidAmount() {
    assertThatThrownBy(() -> Json.read("{\"assetCode\":\"USD\",\"assetScale\":2}", Amount.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("amount value is");
  }

  @Test
  void readWhenScaleOutOfRangeThenInvalidAmount() {
    assertThatThrownBy(
            () ->
                Json.read(
                    "{\"value\":\"1\",\"assetCode\":\"USD\",\"assetScale\":256}", Amount.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("assetScale 256 is outside 0..255")
        .hasRootCauseInstanceOf(InvalidAmountException.class);
  }

  @Test
  void readWhenScaleMissingOrStringThenRejected() {
    assertThatThrownBy(() -> Json.read("{\"value\":\"1\",\"assetCode\":\"USD\"}", Amount.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("assetScale");
    assertThatThrownBy(
            () ->
                Json.read(
                    "{\"value\":\"1\",\"assetCode\":\"USD\",\"assetScale\":\"2\"}", Amount.class))
        .isInstanceOfSatisfying(
            InvalidJsonException.class, e -> assertThat(e.path()).isEqualTo("assetScale"));
  }

  @Test
  void readWhenAssetCodeBlankThenInvalidAmount() {
    assertThatThrownBy(
            () -> Json.read("{\"value\":\"1\",\"assetCode\":\"\",\"assetScale\":2}", Amount.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("assetCode")
        .hasRootCauseInstanceOf(InvalidAmountException.class);
  }

  @Test
  void plusWhenSameAssetThenExactSum() {
    assertThat(Amount.of(2500, USD).plus(Amount.of(100, USD))).isEqualTo(Amount.of(2600, USD));
  }

  @Test
  void plusWhenSumAboveMaximumThenOverflow() {
    Amount max = Amount.of(AmountValue.MAX, USD);
    assertThatThrownBy(() -> max.plus(Amount.of(1, USD)))
        .isInstanceOf(AmountOverflowException.class)
        .hasMessageContaining("2^64-1");
  }

  @Test
  void minusWhenResultWouldBeNegativeThenRefused() {
    assertThat(Amount.of(2600, USD).minus(Amount.of(2600, USD)).isZero()).isTrue();
    assertThatThrownBy(() -> Amount.of(20, USD).minus(Amount.of(30, USD)))
        .isInstanceOf(InvalidAmountException.class)
        .hasMessageContaining("cannot subtract 30 from 20");
  }

  @Test
  void arithmeticWhenAssetsDifferThenAssetMismatch() {
    Amount usd = Amount.of(1, USD);
    Amount usd9 = Amount.of(1, new Asset("USD", 9));
    Amount eur = Amount.of(1, new Asset("EUR", 2));
    assertThat(usd.sameAsset(usd9)).isFalse();
    assertThatThrownBy(() -> usd.plus(usd9)).isInstanceOf(AssetMismatchException.class);
    assertThatThrownBy(() -> usd.minus(eur)).isInstanceOf(AssetMismatchException.class);
    assertThatThrownBy(() -> usd.compareTo(eur))
        .isInstanceOf(AssetMismatchException.class)
        .hasMessageContaining("USD/2")
        .hasMessageContaining("EUR/2");
  }

  @Test
  void compareToWhenSameAssetThenByValue() {
    assertThat(Amount.of(5, USD)).isLessThan(Amount.of(6, USD));
    assertThat(Amount.of(6, USD).compareTo(Amount.of(6, USD))).isZero();
  }

  @Test
  void constructWhenNegativeValueThenInvalidAmount() {
    assertThatThrownBy(() -> new Amount(BigInteger.valueOf(-1), "USD", 2))
        .isInstanceOf(InvalidAmountException.class);
  }

  @Test
  void isZeroWhenWrittenThenNotAJsonProperty() {
    assertThat(Json.write(Amount.zero(USD)))
        .isEqualTo("{\"value\":\"0\",\"assetCode\":\"USD\",\"assetScale\":2}");
  }
}
