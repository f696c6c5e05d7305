package dev.opkit.mock.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.mock.sandbox.SessionConfig;
import dev.opkit.mock.store.AccountKind;
import dev.opkit.mock.store.SessionId;
import dev.opkit.mock.store.SessionRecord;
import dev.opkit.mock.store.StorageLimits;
import dev.opkit.mock.store.WalletId;
import dev.opkit.mock.store.memory.InMemoryStorage;
import dev.opkit.protocol.amount.Asset;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class LedgerTest {
  private static final Asset USD = new Asset("USD", 2);
  private static final Asset EUR = new Asset("EUR", 2);

  private static final SessionId SESSION = SessionId.DEFAULT;

  private final InMemoryStorage storage = open();
  private final Account issuer = Account.system(AccountKind.ISSUER, USD);
  private final Account alice = wallet("alice", USD);
  private final Account bob = wallet("bob", USD);

  @Test
  void postWhenDepositThenWalletHoldsItAndInvariantHolds() {
    post(Transfer.builder("deposit").move(issuer, alice, big(1000)).build());

    assertThat(balance(alice)).isEqualTo(big(1000));
    assertThat(balance(issuer)).isEqualTo(big(-1000));
    assertThat(totals().invariantHolds()).isTrue();
    LedgerTotals.AssetTotals usd = totals().assets().get(0);
    assertThat(usd.issued()).isEqualTo(big(1000));
    assertThat(usd.wallets()).isEqualTo(big(1000));
    assertThat(usd.sum()).isZero();
  }

  @Test
  void postWhenWalletWouldGoNegativeThenInsufficientFundsAndNothingApplied() {
    post(Transfer.builder("deposit").move(issuer, alice, big(100)).build());
    Transfer tooMuch =
        Transfer.builder("payment")
            .move(alice, bob, big(60))
            .move(alice, Account.system(AccountKind.FEES, USD), big(41))
            .build();

    assertThatThrownBy(() -> post(tooMuch))
        .isInstanceOf(InsufficientFundsException.class)
        .hasMessageContaining("payment")
        .hasMessageContaining("holds 100 but 101 is needed");
    assertThat(balance(alice)).isEqualTo(big(100));
    assertThat(balance(bob)).isZero();
  }

  @Test
  void postWhenWalletWouldPassUint64ThenRefused() {
    post(Transfer.builder("deposit").move(issuer, alice, Ledger.MAX_BALANCE).build());

    assertThatThrownBy(() -> post(Transfer.builder("one more").move(issuer, alice, big(1)).build()))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("2^64 - 1");
    assertThat(balance(alice)).isEqualTo(Ledger.MAX_BALANCE);
  }

  @Test
  void postWhenAvailablePlusReservedWouldPassUint64ThenRefusedWithBothNamed() {
    WalletId aliceId = new WalletId("ase1", "alice");
    Account reserved = Account.reserved(aliceId, USD);
    post(Transfer.builder("deposit").move(issuer, alice, big(1000)).build());
    post(Transfer.builder("reserve").move(alice, reserved, big(1000)).build());
    BigInteger room = Ledger.MAX_BALANCE.subtract(big(1000));
    post(Transfer.builder("fill up").move(issuer, alice, room).build());

    assertThatThrownBy(() -> post(Transfer.builder("one more").move(issuer, alice, big(1)).build()))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("available " + room.add(big(1)))
        .hasMessageContaining("reserved 1000")
        .hasMessageContaining("2^64 - 1");
    BigInteger money = storage.read(SESSION, reads -> Ledger.walletMoney(reads.ledger(), aliceId));
    assertThat(money).isEqualTo(Ledger.MAX_BALANCE);
    assertThat(balance(reserved)).isEqualTo(big(1000));
    post(Transfer.builder("return the reservation").move(reserved, alice, big(1000)).build());
    assertThat(balance(alice)).isEqualTo(Ledger.MAX_BALANCE);
    assertThat(totals().invariantHolds()).isTrue();
  }

  @Test
  void postWhenFeesPassUint64ThenAccepted() {
    Account fees = Account.system(AccountKind.FEES, USD);
    for (int i = 0; i < 2; i++) {
      post(Transfer.builder("deposit").move(issuer, alice, Ledger.MAX_BALANCE).build());
      post(Transfer.builder("fee").move(alice, fees, Ledger.MAX_BALANCE).build());
    }

    assertThat(balance(fees)).isEqualTo(Ledger.MAX_BALANCE.multiply(big(2)));
    assertThat(totals().invariantHolds()).isTrue();
  }

  @Test
  void moveWhenAssetsDifferThenRefused() {
    Account euro = wallet("carol", EUR);

    assertThatThrownBy(() -> Transfer.builder("fx").move(alice, euro, big(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one asset");
  }

  @Test
  void accountWhenReopenedInAnotherAssetThenRefused() {
    post(Transfer.builder("deposit").move(issuer, alice, big(1)).build());

    assertThatThrownBy(
            () ->
                storage.write(
                    SESSION,
                    tx -> {
                      Ledger.open(tx.ledger(), wallet("alice", EUR));
                      return null;
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exists already");
  }

  @Test
  void systemWhenWalletKindThenRefused() {
    assertThatThrownBy(() -> Account.system(AccountKind.WALLET, USD))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void postWhenCrossCurrencyThroughLiquidityThenEachAssetSumsToZero() {
    Account carol = wallet("carol", EUR);
    post(Transfer.builder("deposit").move(issuer, alice, big(1000)).build());
    post(
        Transfer.builder("fx payment")
            .move(alice, Account.system(AccountKind.FEES, USD), big(10))
            .move(alice, Account.system(AccountKind.LIQUIDITY, USD), big(990))
            .move(Account.system(AccountKind.LIQUIDITY, EUR), carol, big(891))
            .build());

    assertThat(balance(carol)).isEqualTo(big(891));
    assertThat(totals().invariantHolds()).isTrue();
    assertThat(totals().assets()).extracting(t -> t.asset().code()).containsExactly("EUR", "USD");
  }

  @Test
  void postWhenManyThreadsMoveMoneyThenNoMoneyIsCreatedOrLost() throws Exception {
    List<Account> wallets = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Account wallet = wallet("w" + i, USD);
      post(Transfer.builder("deposit").move(issuer, wallet, big(1000)).build());
      wallets.add(wallet);
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      futures.add(
          pool.submit(
              () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < 5_000; i++) {
                  Account from = wallets.get(random.nextInt(wallets.size()));
                  Account to = wallets.get(random.nextInt(wallets.size()));
                  try {
                    post(
                        Transfer.builder("shuffle")
                            .move(from, to, big(random.nextInt(1, 50)))
                            .build());
                  } catch (InsufficientFundsException expected) {
                    // a refused transfer changes nothing
                  }
                  if (i % 500 == 0) {
                    assertThat(totals().invariantHolds()).isTrue();
                  }
                }
              }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();

    assertThat(wallets.stream().map(this::balance).reduce(BigInteger.ZERO, BigInteger::add))
        .isEqualTo(big(8000));
    assertThat(wallets).allSatisfy(w -> assertThat(balance(w).signum()).isNotNegative());
    assertThat(totals().invariantHolds()).isTrue();
  }

  private static InMemoryStorage open() {
    InMemoryStorage storage = new InMemoryStorage(new StorageLimits(10, 10));
    storage.open(
        SessionRecord.created(
            SESSION, SessionConfig.ofSandbox(SandboxConfig.defaults()), Instant.now(), null),
        1);
    return storage;
  }

  private static Account wallet(String name, Asset asset) {
    return Account.available(new WalletId("ase1", name), asset);
  }

  private void post(Transfer transfer) {
    storage.write(
        SESSION,
        tx -> {
          Ledger.post(tx.ledger(), transfer);
          return null;
        });
  }

  private BigInteger balance(Account account) {
    return storage.read(SESSION, reads -> Ledger.balance(reads.ledger(), account));
  }

  private LedgerTotals totals() {
    return storage.readConsistent(SESSION, reads -> Ledger.totals(reads.ledger()));
  }

  private static BigInteger big(long value) {
    return BigInteger.valueOf(value);
  }
}
