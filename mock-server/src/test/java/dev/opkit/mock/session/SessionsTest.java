package dev.opkit.mock.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.mock.http.ApiError;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.mock.sandbox.SessionConfig;
import dev.opkit.mock.sandbox.WalletSeed;
import dev.opkit.mock.store.SessionId;
import dev.opkit.mock.store.StorageLimits;
import dev.opkit.mock.store.WalletId;
import dev.opkit.mock.store.WalletRecord;
import dev.opkit.mock.store.memory.InMemoryStorage;
import dev.opkit.protocol.amount.Asset;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionsTest {
  private static final SandboxConfig SANDBOX = SandboxConfig.defaults();

  private final InMemoryStorage storage = new InMemoryStorage(new StorageLimits(10, 10));
  private final SessionDirectory directory =
      new SessionDirectory(storage, SANDBOX, List.of(), Clock.systemUTC());
  private final AtomicBoolean seedFails = new AtomicBoolean();
  private final Sessions sessions =
      new Sessions(storage, directory, this::seed, 2, Clock.systemUTC());
  private final List<String> heard = new ArrayList<>();

  @BeforeEach
  void openDefault() {
    sessions.whenReset(id -> heard.add("reset " + id));
    sessions.whenDiscarded(id -> heard.add("discarded " + id));
    sessions.openDefault(SessionConfig.ofSandbox(SANDBOX));
  }

  @Test
  void openDefaultWhenStartedThenTheConfiguredWalletsAreThere() {
    assertThat(wallets(SessionId.DEFAULT))
        .containsExactly("ase1/alice", "ase1/bob", "ase2/carol", "ase2/dave");
    assertThat(sessions.count()).isZero();
  }

  @Test
  void createWhenAskedThenASeededSessionWithAUuidAndItsOwnAdminTokenShownOnce() {
    CreatedSession created = sessions.create(config("ci-1"), true);

    SessionId id = created.session().id();
    assertThat(SessionId.isUuidShaped(id.value())).isTrue();
    assertThat(wallets(id)).containsExactly("ase1/alice", "ase1/bob", "ase2/carol", "ase2/dave");
    assertThat(created.adminTokenIfAny()).get().asString().matches("[0-9a-f]{40}");
    String token = created.adminToken();
    assertThat(storage.session(id).orElseThrow().adminTokenHash()).isNotEqualTo(token);
    assertThat(sessions.isAdminToken(id, token)).isTrue();
    assertThat(sessions.isAdminToken(id, token.toUpperCase())).isFalse();
    assertThat(sessions.isAdminToken(SessionId.DEFAULT, token)).isFalse();
    assertThat(sessions.count()).isEqualTo(1);
  }

  @Test
  void createWhenNoTokenAskedThenNoTokenWorks() {
    CreatedSession created = sessions.create(config("ci-2"), false);

    assertThat(created.adminTokenIfAny()).isEmpty();
    assertThat(sessions.isAdminToken(created.session().id(), "")).isFalse();
    assertThat(sessions.isAdminToken(created.session().id(), null)).isFalse();
  }

  @Test
  void createWhenTheBoundIsReachedThen429AndNothingOpened() {
    sessions.create(config("one"), false);
    sessions.create(config("two"), false);

    assertThatThrownBy(() -> sessions.create(config("three"), false))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.error()).contains(ApiError.TOO_MANY_SESSIONS);
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.description()).contains("2 sessions");
            });
    assertThat(sessions.count()).isEqualTo(2);
    assertThat(sessions.all()).hasSize(3);
  }

  @Test
  void createWhenSeedingFailsThenNoSessionIsLeft() {
    seedFails.set(true);

    assertThatThrownBy(() -> sessions.create(config("broken"), false))
        .isInstanceOf(IllegalStateException.class);
    assertThat(sessions.count()).isZero();
    assertThat(sessions.all()).extracting(Session::id).containsExactly(SessionId.DEFAULT);
  }

  @Test
  void resetWhenChangedThenEmptiedReseededClockBackAndListenersTold() {
    SessionId id = sessions.create(config("ci-3"), false).session().id();
    storage.write(
        id,
        tx -> {
          tx.session().save(tx.session().record().withClockOffset(Duration.ofDays(40)));
          tx.wallets().save(WalletRecord.opened(new WalletId("ase1", "extra"), null, USD, 99));
          return null;
        });

    sessions.reset(id);

    assertThat(wallets(id)).containsExactly("ase1/alice", "ase1/bob", "ase2/carol", "ase2/dave");
    assertThat(storage.session(id).orElseThrow().clockOffset()).isZero();
    assertThat(heard).containsExactly("reset " + id);
    assertThat(wallets(SessionId.DEFAULT)).hasSize(4);
  }

  @Test
  void discardWhenDoneThenGoneAndListenersToldButTheDefaultOnlyResets() {
    SessionId id = sessions.create(config("ci-4"), false).session().id();

    assertThat(sessions.discard(id)).isTrue();

    assertThat(sessions.find(id)).isEmpty();
    assertThat(sessions.discard(id)).isFalse();
    assertThat(heard).containsExactly("discarded " + id);
    assertThatThrownBy(() -> sessions.discard(SessionId.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(sessions.find(SessionId.DEFAULT)).isPresent();
  }

  @Test
  void allWhenSeveralThenTheDefaultFirstThenOldestFirst() throws Exception {
    SessionId first = sessions.create(config("a"), false).session().id();
    Thread.sleep(2);
    SessionId second = sessions.create(config("b"), false).session().id();

    assertThat(sessions.all())
        .extracting(Session::id)
        .containsExactly(SessionId.DEFAULT, first, second);
  }

  private static final Asset USD = new Asset("USD", 2);

  private void seed(dev.opkit.mock.store.Tx tx, Session session) {
    if (seedFails.get()) {
      throw new IllegalStateException("seed broke");
    }
    long ordinal = 0;
    for (var ase : session.config().ases()) {
      for (WalletSeed wallet : ase.wallets()) {
        tx.wallets()
            .save(
                WalletRecord.opened(
                    new WalletId(ase.name(), wallet.name()),
                    wallet.publicName(),
                    new Asset(wallet.assetCode(), wallet.assetScale()),
                    ++ordinal));
      }
    }
  }

  private List<String> wallets(SessionId id) {
    return storage.read(
        id,
        reads ->
            SANDBOX.ases().stream()
                .flatMap(a -> reads.wallets().all(a.name()).stream())
                .map(w -> w.id().key())
                .toList());
  }

  private static SessionConfig config(String name) {
    return dev.opkit.mock.session.NewSession.read(
            dev.opkit.protocol.json.Json.mapper().createObjectNode().put("name", name))
        .toConfig(SANDBOX);
  }
}
