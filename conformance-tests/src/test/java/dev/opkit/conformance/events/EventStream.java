package dev.opkit.conformance.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.protocol.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The run's machine-readable events, one JSON object per line ({@code --events FILE}), each with
 * {@code event} (what happened) and {@code at} (when, RFC 3339), written and flushed as they happen
 * so a CI tool can follow the file while the run goes on. Thread-safe.
 */
public final class EventStream implements AutoCloseable {
  /** A stream that writes nothing, when no events file was asked for. */
  public static final EventStream NONE = new EventStream(null, Clock.systemUTC());

  private final BufferedWriter out;
  private final Clock clock;

  private EventStream(BufferedWriter out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  /**
   * Starts a new events file (an existing one is replaced).
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public static EventStream create(Path file, Clock clock) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new EventStream(Files.newBufferedWriter(file, StandardCharsets.UTF_8), clock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the events file " + file, e);
    }
  }

  /**
   * Writes one event.
   *
   * @param event its name, e.g. {@code scenario-finished}
   * @param fields sets the event's other fields
   */
  public void emit(String event, Consumer<ObjectNode> fields) {
    if (out == null) {
      return;
    }
    ObjectNode line = Json.mapper().createObjectNode();
    line.put("event", event);
    line.put("at", clock.instant().toString());
    fields.accept(line);
    String text = Json.write(line);
    synchronized (this) {
      try {
        out.write(text);
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write to the events file", e);
      }
    }
  }

  /** Adds the scenario's id, feature, line and name to an event. */
  public static void scenario(ObjectNode event, ScenarioRef scenario) {
    event.put("scenario", scenario.id());
    event.put("feature", scenario.feature());
    event.put("line", scenario.line());
    event.put("name", scenario.name());
  }

  @Override
  public synchronized void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the events file", e);
      }
    }
  }
}
