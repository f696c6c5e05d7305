package dev.opkit.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompactJsonTest {
  private static final String PROTOCOL_EXAMPLE =
      "{\"walletAddress\":\"https://wallet.example/alice\",\"incomingAmount\":"
          + "{\"value\":\"2500\",\"assetCode\":\"USD\",\"assetScale\":2}}";

  @Test
  void checkWhenProtocolExampleBodyThenCompact() {
    CompactJsonResult result = CompactJson.check(PROTOCOL_EXAMPLE);
    assertThat(result.compact()).isTrue();
    assertThat(result.reason()).isNull();
    assertThat(result.description()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "null",
        "true",
        "\"text\"",
        "0",
        "-1.5",
        "1e+21",
        "{\"a\":[1,2,{\"b\":null}],\"c\":false}",
        "{\"1\":1,\"2\":2,\"b\":3,\"a\":4}",
        "{\"01\":1,\"b\":2,\"-1\":3,\"1.0\":4,\"4294967295\":5}",
        "{\"s\":\"é ✓ 😀 <>&='/\"}",
        "{\"s\":\"\\\"\\\\\\b\\f\\n\\r\\t\\u0000\\u001f\"}",
        "{\"lone\":\"\\ud800 \\udfff\"}",
        "{\"n\":[0.1,100,1e-7,0.000001,5e-324,1.7976931348623157e+308]}"
      })
  void checkWhenExactlyWhatJsonStringifyWritesThenCompact(String body) {
    assertThat(CompactJson.check(body).compact()).as(body).isTrue();
    assertThat(CompactJson.stringify(body)).isEqualTo(body);
  }

  @Test
  void checkWhenPrettyPrintedThenWhitespaceAtFirstBreak() {
    String pretty = "{\n  \"walletAddress\": \"https://wallet.example/alice\"\n}";
    CompactJsonResult result = CompactJson.check(pretty);
    assertThat(result.compact()).isFalse();
    assertThat(result.reason()).isEqualTo(NonCompactReason.WHITESPACE);
    assertThat(result.offset()).isEqualTo(1);
    assertThat(result.found()).startsWith("\\n  \"walletAddress\"");
    assertThat(result.expected()).startsWith("\"walletAddress\":\"https");
    assertThat(result.description())
        .contains("JSON.stringify(JSON.parse(body))")
        .contains("Rafiki")
        .contains("whitespace")
        .contains("at byte 1");
  }

  @Test
  void checkWhenSpaceAfterColonThenWhitespace() {
    CompactJsonResult result = CompactJson.check("{\"a\": 1}");
    assertThat(result.reason()).isEqualTo(NonCompactReason.WHITESPACE);
    assertThat(result.offset()).isEqualTo(5);
  }

  @Test
  void checkWhenTrailingNewlineThenWhitespaceAtEnd() {
    CompactJsonResult result = CompactJson.check("{\"a\":1}\n");
    assertThat(result.reason()).isEqualTo(NonCompactReason.WHITESPACE);
    assertThat(result.offset()).isEqualTo(7);
  }

  @Test
  void checkWhenWhitespaceInsideStringThenCompact() {
    assertThat(CompactJson.check("{\"a\":\" x \\n y \"}").compact()).isTrue();
  }

  @Test
  void checkWhenEscapedSlashThenEscapeReason() {
    CompactJsonResult result = CompactJson.check("{\"uri\":\"https:\\/\\/wallet.example\"}");
    assertThat(result.reason()).isEqualTo(NonCompactReason.ESCAPE);
    assertThat(result.offset()).isEqualTo(14);
    assertThat(result.found()).startsWith("\\/\\/wallet");
    assertThat(result.expected()).startsWith("//wallet");
    assertThat(result.description()).contains("\\/").contains("disableHtmlEscaping");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":\"\\u003d\"}",
        "{\"a\":\"\\u003c\\u003e\\u0026\\u0027\"}",
        "{\"a\":\"caf\\u00e9\"}",
        "{\"a\":\"\\u0041\"}",
        "{\"a\":\"\\u000a\"}",
        "{\"a\":\"\\u001F\"}",
        "{\"a\":\"\\uD800\"}",
        "{\"a\":\"\\ud83d\\ude00\"}",
        "{\"a\\u0062\":1}"
      })
  void checkWhenEscapeJavaScriptWouldNotWriteThenEscapeReason(String body) {
    CompactJsonResult result = CompactJson.check(body);
    assertThat(result.compact()).as(body).isFalse();
    assertThat(result.reason()).as(body).isEqualTo(NonCompactReason.ESCAPE);
  }

  @Test
  void checkWhenSurrogatePairEscapedThenStringifyWritesRawCharacter() {
    assertThat(CompactJson.stringify("\"\\ud83d\\ude00\"")).isEqualTo("\"😀\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"n\":1.0}",
        "{\"n\":1.50}",
        "{\"n\":1E5}",
        "{\"n\":1e5}",
        "{\"n\":1e21}",
        "{\"n\":1E+21}",
        "{\"n\":-0}",
        "{\"n\":-0.0}",
        "{\"n\":0.0000001}",
        "{\"n\":1e400}",
        "{\"n\":9007199254740993}",
        "{\"n\":100e-2}"
      })
  void checkWhenNumberNotInJavaScriptFormThenNumberFormat(String body) {
    CompactJsonResult result = CompactJson.check(body);
    assertThat(result.compact()).as(body).isFalse();
    assertThat(result.reason()).as(body).isEqualTo(NonCompactReason.NUMBER_FORMAT);
    assertThat(result.offset()).as(body).isGreaterThanOrEqualTo(5);
  }

  @Test
  void stringifyWhenNumbersThenJavaScriptForms() {
    assertThat(CompactJson.stringify("[1.0,1E5,1e21,-0,0.0000001,1e400,9007199254740993]"))
        .isEqualTo("[1,100000,1e+21,0,1e-7,null,9007199254740992]");
  }

  @Test
  void checkWhenIntegerKeyAfterOtherKeyThenKeyOrder() {
    CompactJsonResult result = CompactJson.check("{\"b\":1,\"1\":2}");
    assertThat(result.reason()).isEqualTo(NonCompactReason.KEY_ORDER);
    assertThat(result.offset()).isEqualTo(2);
    assertThat(result.expected()).startsWith("1\":2,\"b\":1}");
  }

  @Test
  void checkWhenIntegerKeysDescendingThenKeyOrder() {
    assertThat(CompactJson.check("{\"10\":1,\"9\":2}").reason())
        .isEqualTo(NonCompactReason.KEY_ORDER);
    assertThat(CompactJson.stringify("{\"10\":1,\"9\":2}")).isEqualTo("{\"9\":2,\"10\":1}");
  }

  @Test
  void checkWhenLargestArrayIndexKeyLastThenKeyOrder() {
    assertThat(CompactJson.check("{\"a\":1,\"4294967294\":1}").reason())
        .isEqualTo(NonCompactReason.KEY_ORDER);
  }

  @Test
  void checkWhenDuplicateKeyThenDuplicateAndFirstPositionLastValue() {
    String body = "{\"a\":1,\"b\":2,\"a\":3}";
    CompactJsonResult result = CompactJson.check(body);
    assertThat(result.reason()).isEqualTo(NonCompactReason.DUPLICATE_KEY);
    assertThat(CompactJson.stringify(body)).isEqualTo("{\"a\":3,\"b\":2}");
  }

  @Test
  void checkWhenDuplicateKeyWithSameValueThenStillNotCompact() {
    CompactJsonResult result = CompactJson.check("{\"a\":1,\"a\":1}");
    assertThat(result.reason()).isEqualTo(NonCompactReason.DUPLICATE_KEY);
  }

  @Test
  void checkWhenDuplicateEscapedStringsThenDuplicateNotEscape() {
    CompactJsonResult result = CompactJson.check("{\"a\":\"\\n\",\"a\":\"\\t\"}");
    assertThat(result.reason()).isEqualTo(NonCompactReason.DUPLICATE_KEY);
  }

  @Test
  void checkWhenNumberProblemBeforeDuplicateInLaterObjectThenNumberFormat() {
    CompactJsonResult result = CompactJson.check("{\"n\":1.0,\"x\":{\"a\":1,\"a\":2}}");
    assertThat(result.reason()).isEqualTo(NonCompactReason.NUMBER_FORMAT);
  }

  @Test
  void checkWhenNestedObjectReorderedThenKeyOrderAtInnerObject() {
    CompactJsonResult result = CompactJson.check("{\"a\":{\"z\":true,\"0\":false}}");
    assertThat(result.reason()).isEqualTo(NonCompactReason.KEY_ORDER);
    assertThat(result.offset()).isEqualTo(7);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "{", "{\"a\":}", "{\"a\":1} x", "{'a':1}", "{\"a\":01}", "[1,]", "NaN"})
  void checkWhenNotJsonThenNotJsonWithParserMessage(String body) {
    CompactJsonResult result = CompactJson.check(body);
    assertThat(result.compact()).isFalse();
    assertThat(result.reason()).isEqualTo(NonCompactReason.NOT_JSON);
    assertThat(result.description()).startsWith("The body is not valid JSON: ");
  }

  @Test
  void checkWhenByteOrderMarkThenEncoding() {
    byte[] body = ("\uFEFF" + "{}").getBytes(StandardCharsets.UTF_8);
    CompactJsonResult result = CompactJson.check(body);
    assertThat(result.reason()).isEqualTo(NonCompactReason.ENCODING);
    assertThat(result.offset()).isZero();
  }

  @Test
  void checkWhenInvalidUtf8ThenEncodingAtBadByte() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
    CompactJsonResult result = CompactJson.check(body);
    assertThat(result.reason()).isEqualTo(NonCompactReason.ENCODING);
    assertThat(result.offset()).isEqualTo(6);
  }

  @Test
  void checkWhenMultiByteCharactersBeforeDifferenceThenOffsetCountsBytes() {
    CompactJsonResult result = CompactJson.check("{\"é\":\"😀\", \"b\":1}");
    assertThat(result.reason()).isEqualTo(NonCompactReason.WHITESPACE);
    assertThat(result.offset()).isEqualTo(13);
  }

  @Test
  void stringifyWhenPrettyEscapedBodyThenCompactForm() {
    String body = "{ \"b\" : [1.0, 2e0, -0], \"1\": \"\\/\\u00e9\" }\n";
    assertThat(CompactJson.stringify(body)).isEqualTo("{\"1\":\"/é\",\"b\":[1,2,0]}");
  }

  @Test
  void stringifyWhenNotJsonThenInvalidJsonException() {
    assertThatThrownBy(() -> CompactJson.stringify("{\"a\":"))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("line 1");
  }
}
