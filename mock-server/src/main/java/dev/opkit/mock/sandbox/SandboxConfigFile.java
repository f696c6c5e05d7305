package dev.opkit.mock.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
      where =
          " at '"
              + mapping.getPath().stream()
                  .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                  .collect(Collectors.joining("."))
              + "'";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String reason;
    if (root instanceof IllegalArgumentException) {
      reason = root.getMessage();
    } else if (e instanceof JsonProcessingException json) {
      reason = json.getOriginalMessage();
    } else {
      reason = e.getMessage();
    }
    return new IllegalArgumentException("config " + source + where + ": " + reason, e);
  }
}
