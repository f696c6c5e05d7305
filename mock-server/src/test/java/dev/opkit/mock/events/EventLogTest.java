package dev.opkit.mock.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventLogTest {
  private final EventLog log = new EventLog(3);

  @Test
  void afterWhenPagedThenInOrderFromTheCursor() {
    for (int i = 0; i < 3; i++) {
      record();
    }

    assertThat(log.after(0, 2)).extracting(Event::sequence).containsExactly(1L, 2L);
    assertThat(log.after(2, 10)).extracting(Event::sequence).containsExactly(3L);
    assertThat(log.after(3, 10)).isEmpty();
  }

  @Test
  void recordWhenFullThenOldestDroppedAndSequencesKeepGrowing() {
    for (int i = 0; i < 5; i++) {
      record();
    }
    log.clear();
    record();

    assertThat(log.after(0, 10)).extracting(Event::sequence).containsExactly(6L);
    assertThat(log.lastSequence()).isEqualTo(6);
  }

  private void record() {
    log.record(
        EventType.INCOMING_PAYMENT_CREATED,
        Instant.parse("2025-01-01T00:00:00Z"),
        "ase1",
        JsonNodeFactory.instance.objectNode(),
        null);
  }
}
