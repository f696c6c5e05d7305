package dev.opkit.sandbox.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.sandbox.admin.SandboxAdmin;
import dev.opkit.sandbox.admin.SessionInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Runs concurrently (the module's Surefire configuration enables JUnit's parallel execution): each
 * repetition sets its own balance and clock and must read back exactly its own, and every session
 * is gone soon after its test has ended.
 */
@OpenPaymentsSandboxTest
class ParallelSessionsTest {
  private static final Set<String> SESSIONS = ConcurrentHashMap.newKeySet();
  private static final Set<String> ROOTS = ConcurrentHashMap.newKeySet();

  @RepeatedTest(12)
  void eachTestSeesOnlyItsOwnSession(
      RepetitionInfo repetition, SandboxRuntime sandbox, SandboxAdmin admin, SessionClock clock)
      throws InterruptedException {
    int n = repetition.getCurrentRepetition();
    SESSIONS.add(sandbox.sessionId());
    String adminUrl = sandbox.adminUrl("ase1");
    ROOTS.add(adminUrl.substring(0, adminUrl.indexOf("/sessions/")));
    String wallet = admin.wallets().get(0).name();
    Instant mine = Instant.parse("2030-01-01T00:00:00Z").plus(Duration.ofDays(n));

    admin.setBalance(wallet, 1000L + n);
    clock.set(mine);
    Thread.sleep(20);

    assertThat(admin.wallet(wallet).balance().value()).isEqualTo(1000L + n);
    assertThat(clock.now()).isBetween(mine, mine.plus(Duration.ofMinutes(1)));
  }

  @AfterAll
  static void everySessionIsDeletedSoonAfterItsTest() throws InterruptedException {
    assertThat(SESSIONS).hasSize(12);
    assertThat(ROOTS).hasSize(1);
    SandboxAdmin root = SandboxAdmin.connect(ROOTS.iterator().next());
    // The extension deletes a finished test's session in the background (off the test's time).
    Instant deadline = Instant.now().plusSeconds(10);
    List<String> left = open(root);
    while (!left.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
      left = open(root);
    }
    assertThat(left).as("sessions of finished tests still open").isEmpty();
  }

  private static List<String> open(SandboxAdmin root) {
    return root.sessions().result().stream()
        .map(SessionInfo::id)
        .filter(SESSIONS::contains)
        .toList();
  }
}
