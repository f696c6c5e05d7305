package dev.opkit.mock.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.protocol.json.Json;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventDataTest {
  @Test
  void renderingWhenNeverReadThenTheRendererNeverRuns() {
    AtomicInteger renderings = new AtomicInteger();

    EventData.rendering(
        () -> {
          renderings.incrementAndGet();
          return JsonNodeFactory.instance.objectNode();
        });

    assertThat(renderings).hasValue(0);
  }

  @Test
  void renderingWhenReadTwiceThenRenderedOnceAndTheSameJsonBothTimes() {
    AtomicInteger renderings = new AtomicInteger();
    EventData data =
        EventData.rendering(
            () -> {
              renderings.incrementAndGet();
              ObjectNode json = JsonNodeFactory.instance.objectNode();
              json.put("id", "https://ase.example/incoming-payments/1");
              return json;
            });

    String first = data.json().toString();
    String second = data.json().toString();

    assertThat(renderings).hasValue(1);
    assertThat(first)
        .isEqualTo(second)
        .isEqualTo("{\"id\":\"https://ase.example/incoming-payments/1\"}");
  }

  @Test
  void serialisedWhenInsideARecordThenWrittenAsItsJsonNotAsAWrapper() throws Exception {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("state", "approved");

    String written = Json.mapper().writeValueAsString(new Holder(EventData.of(json)));

    assertThat(written).isEqualTo("{\"data\":{\"state\":\"approved\"}}");
  }

  private record Holder(EventData data) {}
}
