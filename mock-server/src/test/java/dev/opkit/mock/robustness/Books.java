package dev.opkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
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
    Map<String, String> wallets,
    Map<String, Map<String, Object>> ledger,
    Map<String, Object> stored) {

  /** Reads the books of every provider through its admin API. */
  static Books read(List<String> ases, Function<String, RequestSpecification> admin) {
    Map<String, String> wallets = new TreeMap<>();
    Map<String, BigInteger> walletSums = new TreeMap<>();
    for (String ase : ases) {
      JsonPath list = admin.apply(ase).get("/admin/wallet-addresses").jsonPath();
      List<Map<String, Object>> result = list.getList("result");
      for (Map<String, Object> wallet : result) {
        String balance = value(wallet.get("balance"));
        String reserved = value(wallet.get("reserved"));
        wallets.put((String) wallet.get("id"), balance + "/" + reserved);
        walletSums.merge(
            asset(wallet.get("balance")),
            new BigInteger(balance).add(new BigInteger(reserved)),
            BigInteger::add);
      }
    }
    Response ledgerResponse = admin.apply(ases.get(0)).get("/admin/ledger");
    assertThat(ledgerResponse.<Boolean>path("invariantHolds"))
        .as("the ledger's own invariant: every asset's accounts sum to zero")
        .isTrue();
    Map<String, Map<String, Object>> ledger = new TreeMap<>();
    List<Map<String, Object>> assets = ledgerResponse.jsonPath().getList("assets");
    for (Map<String, Object> row : assets) {
      String asset = row.get("assetCode") + "/" + row.get("assetScale");
      ledger.put(asset, row);
      BigInteger inWallets =
          new BigInteger((String) row.get("wallets"))
              .add(new BigInteger((String) row.get("reserved")));
      assertThat(walletSums.getOrDefault(asset, BigInteger.ZERO))
          .as("the wallets' balances plus reservations of %s, summed independently", asset)
          .isEqualTo(inWallets);
    }
    Map<String, Object> stored =
        admin.apply(ases.get(0)).get("/admin/stats").jsonPath().getMap("stored");
    return new Books(wallets, ledger, stored);
  }

  @SuppressWarnings("unchecked")
  private static String value(Object amount) {
    return (String) ((Map<String, Object>) amount).get("value");
  }

  @SuppressWarnings("unchecked")
  private static String asset(Object amount) {
    Map<String, Object> map = (Map<String, Object>) amount;
    return map.get("assetCode") + "/" + map.get("assetScale");
  }
}
