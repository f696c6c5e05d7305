package dev.opkit.mock.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.amount.Asset;
import java.math.BigInteger;
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

  private final Ledger ledger = new Ledger();
  private final Account issuer = ledger.system(AccountKind.ISSUER, USD);
  private final Account alice = ledger.account(AccountKind.WALLET, "alice", USD);
  private final Account bob = ledger.account(AccountKind.WALLET, "bob", USD);

  @Test
  void postWhenDepositThenWalletHoldsItAndInvariantHolds() {
    ledger.post(Transfer.builder("deposit").move(issuer, alice, big(1000)).build());

    assertThat(alice.balance()).isEqualTo(big(1000));
    assertThat(issuer.balance()).isEqualTo(big(-1000));
    assertThat(ledger.invariantHolds()).isTrue();
    LedgerTotals.AssetTotals usd = ledger.totals().assets().get(0);
    assertThat(usd.issued()).isEqualTo(big(1000));
    assertThat(usd.wallets()).isEqualTo(big(1000));
    assertThat(usd.sum()).isZero();
  }

  @Test
  void postWhenWalletWouldGoNegativeThenInsufficientFundsAndNothingApplied() {
    ledger.post(Transfer.builder("deposit").move(issuer, alice, big(100)).build());
    Transfer tooMuch =
        Transfer.builder("payment")
            .move(alice, bob, big(60))
            .move(alice, ledger.system(AccountKind.FEES, USD), big(41))
            .build();

    assertThatThrownBy(() -> ledger.post(tooMuch))
        .isInstanceOf(InsufficientFundsException.class)
        .hasMessageContaining("payment")
        .hasMessageContaining("holds 100 but 101 is needed");
    assertThat(alice.balance()).isEqualTo(big(100));
    assertThat(bob.balance()).isZero();
  }

  @Test
  void postWhenWalletWouldPassUint64ThenRefused() {
    ledger.post(Transfer.builder("deposit").move(issuer, alice, Ledger.MAX_BALANCE).build());

    assertThatThrownBy(
            () -> ledger.post(Transfer.builder("one more").move(issuer, alice, big(1)).build()))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("2^64 - 1");
    assertThat(alice.balance()).isEqualTo(Ledger.MAX_BALANCE);
  }

  @Test
  void postWhenAvailablePlusReservedWouldPassUint64ThenRefusedWithBothNamed() {
    Account reserved = ledger.account(AccountKind.RESERVED, "alice", USD);
    ledger.post(Transfer.builder("deposit").move(issuer, alice, big(1000)).build());
    ledger.post(Transfer.builder("reserve").move(alice, reserved, big(1000)).build());
    BigInteger room = Ledger.MAX_BALANCE.subtract(big(1000));
    ledger.post(Transfer.builder("fill up").move(issuer, alice, room).build());

    assertThatThrownBy(
            () -> ledger.post(Transfer.builder("one more").move(issuer, alice, big(1)).build()))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("available " + room.add(big(1)))
        .hasMessageContaining("reserved 1000")
        .hasMessageContaining("2^64 - 1");
    assertThat(ledger.walletMoney(alice)).isEqualTo(Ledger.MAX_BALANCE);
    assertThat(reserved.balance()).isEqualTo(big(1000));
    ledger.post(
        Transfer.builder("return the reservation").move(reserved, alice, big(1000)).build());
    assertThat(alice.balance()).isEqualTo(Ledger.MAX_BALANCE);
    assertThat(ledger.invariantHolds()).isTrue();
  }

  @Test
  void postWhenFeesPassUint64ThenAccepted() {
    Account fees = ledger.system(AccountKind.FEES, USD);
    for (int i = 0; i < 2; i++) {
      ledger.post(Transfer.builder("deposit").move(issuer, alice, Ledger.MAX_BALANCE).build());
      ledger.post(Transfer.builder("fee").move(alice, fees, Ledger.MAX_BALANCE).build());
    }

    assertThat(fees.balance()).isEqualTo(Ledger.MAX_BALANCE.multiply(big(2)));
    assertThat(ledger.invariantHolds()).isTrue();
  }

  @Test
  void moveWhenAssetsDifferThenRefused() {
    Account euro = ledger.account(AccountKind.WALLET, "carol", EUR);

    assertThatThrownBy(() -> Transfer.builder("fx").move(alice, euro, big(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one asset");
  }

  @Test
  void accountWhenReopenedInAnotherAssetThenRefused() {
    assertThatThrownBy(() -> ledger.account(AccountKind.WALLET, "alice", EUR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exists already");
  }

  @Test
  void systemWhenWalletKindThenRefused() {
    assertThatThrownBy(() -> ledger.system(AccountKind.WALLET, USD))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void postWhenCrossCurrencyThroughLiquidityThenEachAssetSumsToZero() {
    Account carol = ledger.account(AccountKind.WALLET, "carol", EUR);
    ledger.post(Transfer.builder("deposit").move(issuer, alice, big(1000)).build());
    ledger.post(
        Transfer.builder("fx payment")
            .move(alice, ledger.system(AccountKind.FEES, USD), big(10))
            .move(alice, ledger.system(AccountKind.LIQUIDITY, USD), big(990))
            .move(ledger.system(AccountKind.LIQUIDITY, EUR), carol, big(891))
            .build());

    assertThat(carol.balance()).isEqualTo(big(891));
    assertThat(ledger.invariantHolds()).isTrue();
    assertThat(ledger.totals().assets())
        .extracting(t -> t.asset().code())
        .containsExactly("EUR", "USD");
  }

  @Test
  void postWhenManyThreadsMoveMoneyThenNoMoneyIsCreatedOrLost() throws Exception {
    List<Account> wallets = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Account wallet = ledger.account(AccountKind.WALLET, "w" + i, USD);
      ledger.post(Transfer.builder("deposit").move(issuer, wallet, big(1000)).build());
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
                    ledger.post(
                        Transfer.builder("shuffle")
                            .move(from, to, big(random.nextInt(1, 50)))
                            .build());
                  } catch (InsufficientFundsException expected) {
                    // a refused transfer changes nothing
                  }
                  if (i % 500 == 0) {
                    assertThat(ledger.invariantHolds()).isTrue();
                  }
                }
              }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();

    assertThat(wallets.stream().map(Account::balance).reduce(BigInteger.ZERO, BigInteger::add))
        .isEqualTo(big(8000));
    assertThat(wallets).allSatisfy(w -> assertThat(w.balance().signum()).isNotNegative());
    assertThat(ledger.invariantHolds()).isTrue();
  }

  private static BigInteger big(long value) {
    return BigInteger.valueOf(value);
  }
}
