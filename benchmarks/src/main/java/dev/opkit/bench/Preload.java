package dev.opkit.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.protocol.json.Json;

/**
 * Fills a sandbox with stored payments through {@code POST /admin/preload}, spread over wallet
 * pairs of their own (a payer on the sending provider, a payee on the receiving one).
 */
final class Preload {
  private static final String RICH = "1000000000000000";

  private final AdminApi admin;

  Preload(AdminApi admin) {
    this.admin = admin;
  }

  /** Preloads the payments; returns how many were stored. */
  long run(String sender, String receiver, int outgoing, int incoming, int wallets) {
    long stored = 0;
    for (int w = 0; w < wallets; w++) {
      String payer = "preload-payer-" + w;
      String payee = "preload-payee-" + w;
      admin.createWallet(sender, payer, null, "USD", RICH);
      admin.createWallet(receiver, payee, null, "USD", "0");
      int out = ScalingRun.share(outgoing, wallets, w);
      int in = ScalingRun.share(incoming, wallets, w);
      ObjectNode payments = Json.mapper().createObjectNode();
      payments.put("wallet", payer);
      payments.put("outgoingPayments", out);
      payments.put("receiver", receiver + "/" + payee);
      admin.preload(sender, payments);
      ObjectNode receipts = Json.mapper().createObjectNode();
      receipts.put("wallet", payee);
      receipts.put("incomingPayments", in);
      admin.preload(receiver, receipts);
      // Each outgoing preload also opens the one incoming payment its payments go to.
      stored += out + in + (out > 0 ? 1 : 0);
    }
    return stored;
  }
}
