package dev.opkit.mock.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a {@link SandboxConfig} from a YAML or JSON file (JSON is valid YAML). Unknown keys are
 * refused, so a typo does not silently fall back to a default.
 */
public final class SandboxConfigFile {
  /** The documented default configuration, bundled in the jar. */
  public static final String DEFAULT_RESOURCE = "/sandbox-default.yaml";

  private static final ObjectMapper MAPPER =
      YAMLMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private SandboxConfigFile() {}

  /**
   * Reads a configuration file.
   *
   * @throws IllegalArgumentException naming the file, the key and the problem
   */
  public static SandboxConfig read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("config file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config file " + file, e);
    }
  }

  /** Reads the bundled default configuration. */
  public static SandboxConfig bundledDefault() {
    try (InputStream in = SandboxConfigFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the classpath");
      }
      return parse(in, DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /** Parses configuration text (YAML or JSON); {@code source} names it in error messages. */
  public static SandboxConfig parse(String text, String source) {
    try {
      return MAPPER.readValue(text, SandboxConfig.class);
    } catch (IOException e) {
      throw explain(source, e);
    }
  }

  private static SandboxConfig parse(InputStream in, String source) throws IOException {
    try {
      return MAPPER.readValue(in, SandboxConfig.class);
    } catch (JsonMappingException e) {
      throw explain(source, e);
    }
  }

  private static IllegalArgumentException explain(String source, IOException e) {
    String where = "";
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      StringBuilder path = new StringBuilder();
      for (JsonMappingException.Reference step : mapping.getPath()) {
        if (step.getFieldName() != null) {
          path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
        } else {
          path.append('[').append(step.getIndex()).append(']');
        }
      }
      where = " at '" + path + "'";
    }
    return new IllegalArgumentException("config " + source + where + ": " + reason(e), e);
  }

  /** What is wrong, in the file's terms: keys and value forms, not Java types. */
  private static String reason(IOException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown key '"
          + unknown.getPropertyName()
          + "'; the keys here are "
          + unknown.getKnownPropertyIds().stream()
              .map(String::valueOf)
              .sorted()
              .collect(Collectors.joining(", "));
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    // A record's constructor said what is wrong (IllegalArgumentException, or the message of a
    // required value's NullPointerException).
    if (root instanceof IllegalArgumentException
        || (e instanceof ValueInstantiationException && root.getMessage() != null)) {
      return root.getMessage();
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      Object value = e instanceof InvalidFormatException format ? format.getValue() : null;
      return "expected "
          + expected(mismatch.getTargetType())
          + (value == null ? "" : ", got '" + value + "'");
    }
    return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
  }

  private static String expected(Class<?> type) {
    if (type == Duration.class) {
      return "an ISO 8601 duration such as PT5M (5 minutes), PT30S (30 seconds) or PT1H (an hour)";
    }
    if (type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class
        || type == BigInteger.class) {
      return "a whole number";
    }
    if (type == BigDecimal.class || type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a text value";
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    if (type.isRecord()) {
      return "a mapping with the keys "
          + Arrays.stream(type.getRecordComponents())
              .map(RecordComponent::getName)
              .collect(Collectors.joining(", "));
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "a mapping";
    }
    return "a value of another form";
  }
}
