package dev.opkit.protocol.amount;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import dev.opkit.protocol.json.JsonTokens;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Reads an amount value strictly: only a JSON string of digits (a JSON number is refused, as the
 * schema types the value as a string and JavaScript numbers lose precision above 2^53).
 */
final class AmountValueDeserializer extends StdScalarDeserializer<BigInteger> {
  private static final long serialVersionUID = 1L;

  AmountValueDeserializer() {
    super(BigInteger.class);
  }

  @Override
  public BigInteger deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw new InvalidAmountException(
          "amount value must be a JSON string of digits such as \"2500\", not "
              + JsonTokens.describe(p));
    }
    return AmountValue.parse(p.getText());
  }

  @Override
  public BigInteger getNullValue(DeserializationContext ctxt) {
    throw new InvalidAmountException(
        "amount value is null; write the amount as a string of digits such as \"2500\"");
  }

  /** An absent member is left to the record's own check, which reports it as missing. */
  @Override
  public BigInteger getAbsentValue(DeserializationContext ctxt) {
    return null;
  }
}
