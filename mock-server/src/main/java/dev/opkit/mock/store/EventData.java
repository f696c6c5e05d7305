package dev.opkit.mock.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An event's data: the resource as the resource server rendered it when the event happened, as
 * JSON. The JSON is made when it is first read (the admin event log, a webhook, a database that
 * stores it), not in the transaction that records the event: most events are never read, and the
 * session's writes wait while a transaction builds JSON. The renderer sees only immutable values
 * taken in that transaction, so the JSON is the same whenever it is made.
 */
public final class EventData {
  private final Supplier<? extends JsonNode> renderer;
  // Rendered at most a few times when readers race; every rendering is equal.
  private volatile JsonNode json;

  private EventData(Supplier<? extends JsonNode> renderer, JsonNode json) {
    this.renderer = renderer;
    this.json = json;
  }

  /** Data rendered by {@code renderer} when first read; it must capture only immutable values. */
  public static EventData rendering(Supplier<? extends JsonNode> renderer) {
    return new EventData(Objects.requireNonNull(renderer, "renderer"), null);
  }

  /** Data that is JSON already (read back from a store); nobody may change {@code json} after. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static EventData of(JsonNode json) {
    return new EventData(null, Objects.requireNonNull(json, "json"));
  }

  /** The data as JSON; callers never change it. */
  @JsonValue
  public JsonNode json() {
    JsonNode rendered = json;
    if (rendered == null) {
      rendered = Objects.requireNonNull(renderer.get(), "an event's renderer returned null");
      json = rendered;
    }
    return rendered;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EventData data && json().equals(data.json());
  }

  @Override
  public int hashCode() {
    return json().hashCode();
  }

  @Override
  public String toString() {
    return json().toString();
  }
}
