package dev.opkit.mock.resource.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IlpDetailsTest {
  @Test
  void segmentWhenAnyNameThenWhatTheAddressRegexWouldMake() {
    for (String name :
        List.of("alice", "ase-1", "bob_~x", "café", "a.b c/d", "Ünïcode-ß", "$€%", "")) {
      assertThat(IlpDetails.segment(name))
          .as(name)
          .isEqualTo(name.replaceAll("[^A-Za-z0-9_~-]", "_"));
    }
  }

  @Test
  void sharedSecretWhenAskedTwiceOrOnAnotherThreadThenTheSame() throws InterruptedException {
    IlpDetails details = new IlpDetails();
    UUID id = UUID.randomUUID();
    String first = details.sharedSecret(id);
    String[] other = new String[1];
    Thread thread = new Thread(() -> other[0] = details.sharedSecret(id));
    thread.start();
    thread.join();

    assertThat(details.sharedSecret(id)).isEqualTo(first).isEqualTo(other[0]).hasSize(43);
    assertThat(details.sharedSecret(UUID.randomUUID())).isNotEqualTo(first);
  }
}
