package dev.opkit.protocol.openapi;

import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.util.List;

/**
 * The OpenAPI 3.1 base dialect (JSON Schema 2020-12 plus OpenAPI's annotation keywords) with what
 * the Open Payments specs add: the {@code uint64} format, and the misspelt keyword {@code
 * unresolvedProperites} in {@code public-incoming-payment}, registered so that it is known and has
 * no effect, as an unknown keyword has none in JSON Schema.
 *
 * <p>The whole OpenAPI document is loaded as the schema resource that {@code $ref}s resolve in, so
 * the library also reads the OpenAPI object's own fields as keywords; they are registered without
 * effect too, which keeps it from warning about them.
 */
final class OpenPaymentsDialect {
  static final String MISSPELT_KEYWORD = "unresolvedProperites";

  /** Fields of the OpenAPI 3.1 object (§4.8.1) that the dialect does not already know. */
  private static final List<String> OPENAPI_OBJECT_FIELDS =
      List.of(
          "openapi",
          "info",
          "jsonSchemaDialect",
          "servers",
          "paths",
          "webhooks",
          "components",
          "security",
          "tags");

  private OpenPaymentsDialect() {}

  static Dialect create() {
    Dialect.Builder builder =
        Dialect.builder(Dialects.getOpenApi31())
            .format(new Uint64Format())
            .keyword(new NonValidationKeyword(MISSPELT_KEYWORD));
    OPENAPI_OBJECT_FIELDS.forEach(field -> builder.keyword(new NonValidationKeyword(field)));
    return builder.build();
  }
}
