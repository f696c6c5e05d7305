package dev.opkit.examples.subscription;

import dev.opkit.protocol.model.AccessToken;
import dev.opkit.protocol.model.WalletAddress;
import java.util.concurrent.atomic.AtomicReference;

/** An active subscription: the subscriber and the monthly allowance's current access token. */
public final class Subscription {
  private final WalletAddress subscriber;
  private final AtomicReference<AccessToken> token;

  Subscription(WalletAddress subscriber, AccessToken token) {
    this.subscriber = subscriber;
    this.token = new AtomicReference<>(token);
  }

  public WalletAddress subscriber() {
    return subscriber;
  }

  AccessToken token() {
    return token.get();
  }

  void rotated(AccessToken next) {
    token.set(next);
  }
}
