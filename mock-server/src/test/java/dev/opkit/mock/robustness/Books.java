package dev.opkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.sandbox.admin.AdminWallet;
import dev.opkit.sandbox.admin.LedgerReport;
import dev.opkit.sandbox.admin.SandboxAdmin;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The sandbox's money as the admin API shows it, for the money invariant: every wallet's available
 * and reserved balance, each asset's ledger totals, and the number of stored objects. Two snapshots
 * taken around requests that must all be refused must be equal.
 *
 * @param wallets per wallet address URL, "balance/reserved"
 * @param ledger per asset, the ledger's totals row
 * @param stored the stored-object counts of {@code GET /admin/stats}
 */
record Books(
    Map<String, String> wallets, Map<String, LedgerReport.AssetTotals> ledger, JsonNode stored) {

  /** Reads the books of every provider through its admin API. */
  static Books read(List<String> ases, Function<String, SandboxAdmin> admin) {
    Map<String, String> wallets = new TreeMap<>();
    Map<String, BigInteger> walletSums = new TreeMap<>();
    for (String ase : ases) {
      for (AdminWallet wallet : admin.apply(ase).wallets()) {
        BigInteger balance = wallet.balance().value();
        BigInteger reserved = wallet.reserved().value();
        wallets.put(wallet.id(), balance + "/" + reserved);
        walletSums.merge(
            wallet.assetCode() + "/" + wallet.assetScale(), balance.add(reserved), BigInteger::add);
      }
    }
    LedgerReport report = admin.apply(ases.get(0)).ledger();
    assertThat(report.invariantHolds())
        .as("the ledger's own invariant: every asset's accounts sum to zero")
        .isTrue();
    Map<String, LedgerReport.AssetTotals> ledger = new TreeMap<>();
    for (LedgerReport.AssetTotals row : report.assets()) {
      String asset = row.assetCode() + "/" + row.assetScale();
      ledger.put(asset, row);
      BigInteger inWallets = new BigInteger(row.wallets()).add(new BigInteger(row.reserved()));
      assertThat(walletSums.getOrDefault(asset, BigInteger.ZERO))
          .as("the wallets' balances plus reservations of %s, summed independently", asset)
          .isEqualTo(inWallets);
    }
    JsonNode stored = admin.apply(ases.get(0)).stats(false).get("stored");
    return new Books(wallets, ledger, stored);
  }
}
