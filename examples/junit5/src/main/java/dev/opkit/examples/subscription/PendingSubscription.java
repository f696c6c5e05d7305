package dev.opkit.examples.subscription;

import dev.opkit.protocol.model.Continue;
import dev.opkit.protocol.model.WalletAddress;

/**
 * A subscription waiting for the subscriber's consent.
 *
 * @param subscriber the subscriber's wallet address
 * @param consentUrl where the subscriber consents
 * @param continuation how the service continues the grant afterwards
 */
public record PendingSubscription(
    WalletAddress subscriber, String consentUrl, Continue continuation) {}
