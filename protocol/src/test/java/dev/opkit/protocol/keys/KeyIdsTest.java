package dev.opkit.protocol.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyIdsTest {
  @Test
  void generateWhenCalledRepeatedlyThenDistinctUuids() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      ids.add(KeyIds.generate());
    }

    assertThat(ids).hasSize(100);
    assertThat(ids).allSatisfy(id -> assertThat(UUID.fromString(id).toString()).isEqualTo(id));
  }
}
