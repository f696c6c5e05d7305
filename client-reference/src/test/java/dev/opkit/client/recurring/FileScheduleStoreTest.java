package dev.opkit.client.recurring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.model.AccessToken;
import dev.opkit.protocol.model.Continue;
import dev.opkit.protocol.model.WalletAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileScheduleStoreTest {
  private static final Instant NOW = Instant.parse("2025-05-20T13:00:00Z");

  @TempDir Path directory;

  static ScheduleState state() {
    WalletAddress alice =
        new WalletAddress(
            "https://w.example/alice",
            "Alice",
            "USD",
            2,
            "https://w.example/auth",
            "https://w.example");
    WalletAddress bob =
        new WalletAddress(
            "https://w.example/bob", null, "EUR", 2, "https://w.example/auth", "https://w.example");
    return new ScheduleState(
        ScheduleState.VERSION,
        "schedule-1",
        ScheduleStatus.ACTIVE,
        null,
        "https://w.example/client",
        "key-1",
        alice,
        bob,
        AmountSide.DEBIT,
        Amount.of("500", "USD", 2),
        "R12/2025-05-20T13:00:00Z/P1M",
        new IssuedGrant(
            new AccessToken("TOKEN", "https://w.example/auth/token/1", 600, List.of()),
            Continue.of("CONT", "https://w.example/auth/continue/1", 5),
            NOW),
        null,
        null,
        List.of(
            PaymentRecord.paid(
                0,
                "https://w.example/outgoing-payments/1",
                Amount.of("500", "USD", 2),
                Amount.of("460", "EUR", 2),
                Amount.of("500", "USD", 2),
                NOW,
                1),
            new PaymentRecord(
                1,
                PaymentRecord.Outcome.FAILED,
                "https://w.example/outgoing-payments/2",
                null,
                null,
                Amount.of("0", "USD", 2),
                NOW.plusSeconds(60),
                "failed: the wallet marked it failed",
                2,
                NOW.plusSeconds(3600))),
        NOW.plusSeconds(3600),
        Map.of("clockUrl", "http://localhost:4000/admin/clock"),
        NOW,
        NOW);
  }

  @Test
  void loadWhenSavedThenSameState() {
    FileScheduleStore store = new FileScheduleStore(directory.resolve("schedule.json"));

    store.save(state());

    assertThat(store.load()).contains(state());
  }

  @Test
  void loadWhenNoFileThenEmpty() {
    assertThat(new FileScheduleStore(directory.resolve("none.json")).load()).isEmpty();
  }

  @Test
  void saveWhenDoneThenNoTemporaryFileLeftAndOwnerOnly() throws IOException {
    Path file = directory.resolve("nested/schedule.json");
    FileScheduleStore store = new FileScheduleStore(file);

    store.save(state());
    store.save(state().withStatus(ScheduleStatus.CANCELLED, "cancelled"));

    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(store.load().orElseThrow().status()).isEqualTo(ScheduleStatus.CANCELLED);
  }

  @Test
  void saveWhenWrittenThenReadableJsonWithTokenAndPayments() throws IOException {
    Path file = directory.resolve("schedule.json");

    new FileScheduleStore(file).save(state());

    assertThat(Files.readString(file))
        .contains("\"status\" : \"ACTIVE\"")
        .contains("\"interval\" : \"R12/2025-05-20T13:00:00Z/P1M\"")
        .contains("\"outcome\" : \"PAID\"");
  }

  @Test
  void loadWhenNotAScheduleThenStateFileExceptionNamingFile() throws IOException {
    Path file = directory.resolve("schedule.json");
    Files.writeString(file, "{\"hello\":1}");

    assertThatThrownBy(() -> new FileScheduleStore(file).load())
        .isInstanceOf(StateFileException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not a schedule");
  }

  @Test
  void loadWhenOtherVersionThenStateFileException() throws IOException {
    Path file = directory.resolve("schedule.json");
    FileScheduleStore store = new FileScheduleStore(file);
    store.save(state());
    Files.writeString(file, Files.readString(file).replace("\"version\" : 1", "\"version\" : 9"));

    assertThatThrownBy(store::load)
        .isInstanceOf(StateFileException.class)
        .hasMessageContaining("format version 9");
  }

  @Test
  void loadWhenWrittenBeforePaymentsCouldFailThenReadsItsPaymentsAsPaid() throws IOException {
    Path file = directory.resolve("schedule.json");
    FileScheduleStore store = new FileScheduleStore(file);
    store.save(state().withPayment(state().payments().get(0)));
    String written = Files.readString(file);
    // The first file format had no sentAmount, detail, attempts or retryUntil in its payments.
    String older =
        written
            .replaceAll(",\\s*\"sentAmount\" : \\{[^}]*}", "")
            .replaceAll(",\\s*\"(detail|retryUntil)\" : null", "")
            .replaceAll(",\\s*\"attempts\" : \\d+", "");
    assertThat(older).doesNotContain("attempts").doesNotContain("sentAmount");
    Files.writeString(file, older);

    PaymentRecord read = store.load().orElseThrow().payments().get(0);

    assertThat(read.paid()).isTrue();
    assertThat(read.debitAmount()).isEqualTo(Amount.of("500", "USD", 2));
    assertThat(read.attempts()).isZero();
  }
}
