package dev.opkit.sandbox.junit5;

import dev.opkit.sandbox.admin.AutoConsent;

/** What the consent pages of a test's session do. */
public enum Consent {
  /** Nothing by themselves: the test decides with the injected {@link ConsentDriver}. */
  MANUAL(AutoConsent.OFF),
  /** Every interactive grant is accepted at once. */
  AUTO_ACCEPT(AutoConsent.ACCEPT),
  /** Every interactive grant is rejected at once. */
  AUTO_REJECT(AutoConsent.REJECT);

  private final AutoConsent autoConsent;

  Consent(AutoConsent autoConsent) {
    this.autoConsent = autoConsent;
  }

  AutoConsent autoConsent() {
    return autoConsent;
  }
}
