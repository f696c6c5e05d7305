package dev.opkit.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.protocol.json.Json;
import dev.opkit.sandbox.admin.NewWallet;
import dev.opkit.sandbox.admin.SandboxAdmin;
import java.math.BigInteger;

/**
 * Fills a sandbox with stored payments through {@code POST /admin/preload}, spread over wallet
 * pairs of their own (a payer on the sending provider, a payee on the receiving one).
 */
final class Preload {
  private Preload() {}

  private static final String RICH = "1000000000000000";

  /** Preloads the payments; returns how many were stored. */
  static long run(
      SandboxAdmin sender, SandboxAdmin receiver, int outgoing, int incoming, int wallets) {
    long stored = 0;
    for (int w = 0; w < wallets; w++) {
      String payer = "preload-payer-" + w;
      String payee = "preload-payee-" + w;
      sender.createWallet(new NewWallet(payer, null, "USD", 2, new BigInteger(RICH)));
      String payeeUrl = receiver.createWallet(NewWallet.of(payee, "USD", 2, 0)).id();
      int out = ScalingRun.share(outgoing, wallets, w);
      int in = ScalingRun.share(incoming, wallets, w);
      ObjectNode payments = Json.mapper().createObjectNode();
      payments.put("wallet", payer);
      payments.put("outgoingPayments", out);
      payments.put("receiver", payeeUrl);
      sender.preload(payments);
      ObjectNode receipts = Json.mapper().createObjectNode();
      receipts.put("wallet", payee);
      receipts.put("incomingPayments", in);
      receiver.preload(receipts);
      // Each outgoing preload also opens the one incoming payment its payments go to.
      stored += out + in + (out > 0 ? 1 : 0);
    }
    return stored;
  }
}
