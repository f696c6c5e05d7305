package dev.opkit.sandbox.junit5;

import dev.opkit.sandbox.admin.Misbehaviour;
import dev.opkit.sandbox.admin.NewWallet;
import dev.opkit.sandbox.admin.SessionOptions;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** What the extension was asked for, from the annotation or the builder. */
record SandboxSettings(
    Profile profile,
    Consent consent,
    Scope sandboxScope,
    Scope sessionScope,
    Map<String, Object> profileSwitches,
    List<ProviderWallet> wallets,
    List<Misbehaviour> misbehaviours,
    String scenario) {

  record ProviderWallet(String provider, NewWallet wallet) {}

  SandboxSettings {
    if (sandboxScope == Scope.TEST) {
      throw new IllegalArgumentException("a sandbox is per JVM or per class, not per test");
    }
    if (sessionScope == Scope.JVM) {
      throw new IllegalArgumentException("a session is per test or per class, not per JVM");
    }
    profileSwitches = Map.copyOf(profileSwitches);
    wallets = List.copyOf(wallets);
    misbehaviours = List.copyOf(misbehaviours);
  }

  static SandboxSettings of(OpenPaymentsSandboxTest test, List<SandboxWallet> declared) {
    return new SandboxSettings(
        test == null ? Profile.CONFIGURED : test.profile(),
        test == null ? Consent.MANUAL : test.consent(),
        test == null ? Scope.JVM : test.sandbox(),
        test == null ? Scope.TEST : test.session(),
        Map.of(),
        declared.stream()
            .map(
                w ->
                    new ProviderWallet(
                        w.provider(),
                        new NewWallet(
                            w.name(),
                            w.publicName().isEmpty() ? null : w.publicName(),
                            w.assetCode(),
                            w.assetScale(),
                            new BigInteger(w.balance()))))
            .toList(),
        List.of(),
        test == null ? "" : test.scenario());
  }

  SessionOptions sessionOptions(String name) {
    SessionOptions options =
        SessionOptions.defaults()
            .withName(name)
            .withProfile(profile.wireNameOrNull())
            .withAutoConsent(consent.autoConsent());
    for (Map.Entry<String, Object> entry : profileSwitches.entrySet()) {
      options = options.withProfileSwitch(entry.getKey(), entry.getValue());
    }
    for (ProviderWallet wallet : wallets) {
      options = options.withWallet(wallet.provider(), wallet.wallet());
    }
    if (!scenario.isEmpty()) {
      options = options.withScenario(scenario);
    }
    if (!misbehaviours.isEmpty()) {
      options = options.withMisbehaviours(misbehaviours);
    }
    return options;
  }
}
