package dev.opkit.client.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class FinishRedirectTest {
  @Test
  void readWhenHashAndRefThenApprovedWithDecodedHash() {
    InteractionResult result =
        FinishRedirect.read(
            URI.create(
                "http://localhost:3344/?hash=NQExmc9WkQVWo4NfhzaUnnlcp63z8Mc%2F82eyi%2FZstyo%3D"
                    + "&interact_ref=8e4a1f0e-6c3b-4a51-9a52-3f1b2c7d9e10"));

    assertThat(result)
        .isEqualTo(
            new InteractionResult.Approved(
                "8e4a1f0e-6c3b-4a51-9a52-3f1b2c7d9e10",
                "NQExmc9WkQVWo4NfhzaUnnlcp63z8Mc/82eyi/Zstyo="));
  }

  @Test
  void readWhenPlusSentUnencodedThenKeptAsPlus() {
    InteractionResult result = FinishRedirect.fromQuery("hash=ab+cd%3D&interact_ref=r");

    assertThat(result).isEqualTo(new InteractionResult.Approved("r", "ab+cd="));
  }

  @Test
  void readWhenRejectedThenRefusedByUser() {
    InteractionResult result =
        FinishRedirect.read(URI.create("http://localhost:3344/done?result=grant_rejected"));

    assertThat(result)
        .isInstanceOfSatisfying(
            InteractionResult.Refused.class,
            refused -> {
              assertThat(refused.rejectedByUser()).isTrue();
              assertThat(refused.describe()).isEqualTo("grant_rejected");
            });
  }

  @Test
  void readWhenOnlyHashThenRefusedNotApproved() {
    InteractionResult result = FinishRedirect.fromQuery("hash=abc");

    assertThat(result)
        .isInstanceOfSatisfying(
            InteractionResult.Refused.class,
            refused -> {
              assertThat(refused.rejectedByUser()).isFalse();
              assertThat(refused.describe()).contains("no hash or interact_ref");
            });
  }

  @Test
  void readWhenErrorWithMessageThenBothReported() {
    InteractionResult result =
        FinishRedirect.fromQuery("result=invalid_interaction&message=interaction+expired");

    assertThat(((InteractionResult.Refused) result).describe())
        .isEqualTo("invalid_interaction: interaction expired");
  }
}
