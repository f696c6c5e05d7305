package dev.opkit.sandbox.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /admin/sessions}: what a new session changes of the configured sandbox;
 * every field left null keeps the sandbox's setting. Without seeded wallets the session starts with
 * the configured ones.
 *
 * @param name a name for people, e.g. the test's
 * @param profile the behaviour profile of every provider, e.g. {@code rafiki} or {@code strict}
 * @param profileOverrides single profile switches on top of it
 * @param autoConsent what consent pages do without a person
 * @param fees the fee rule, e.g. {@code {"basisPoints": 0, "fixed": "0"}}
 * @param rates exchange rates, e.g. {@code [{"from": "USD", "to": "EUR", "rate": 0.9}]}
 * @param quoteLifetime how long quotes live
 * @param processingDelay how long outgoing payments stay in progress
 * @param webhookUrl where the session's events are POSTed
 * @param adminToken whether the session gets an admin token of its own
 * @param ases the wallets it starts with, per provider
 * @param misbehaviours what its providers do wrong on purpose
 * @param scenario a named scenario whose misbehaviours come first (e.g. {@code month-3})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionOptions(
    String name,
    String profile,
    Map<String, Object> profileOverrides,
    AutoConsent autoConsent,
    Map<String, Object> fees,
    List<Map<String, Object>> rates,
    Duration quoteLifetime,
    Duration processingDelay,
    String webhookUrl,
    Boolean adminToken,
    List<ProviderSeed> ases,
    List<Misbehaviour> misbehaviours,
    String scenario) {

  /**
   * The wallets a session starts with on one provider.
   *
   * @param name the provider, e.g. {@code ase1}
   * @param wallets its wallets
   */
  public record ProviderSeed(String name, List<NewWallet> wallets) {}

  /** Every setting as configured. */
  public static SessionOptions defaults() {
    return new SessionOptions(
        null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public SessionOptions withName(String value) {
    return new SessionOptions(
        value,
        profile,
        profileOverrides,
        autoConsent,
        fees,
        rates,
        quoteLifetime,
        processingDelay,
        webhookUrl,
        adminToken,
        ases,
        misbehaviours,
        scenario);
  }

  public SessionOptions withProfile(String value) {
    return new SessionOptions(
        name,
        value,
        profileOverrides,
        autoConsent,
        fees,
        rates,
        quoteLifetime,
        processingDelay,
        webhookUrl,
        adminToken,
        ases,
        misbehaviours,
        scenario);
  }

  /** One more profile switch, e.g. {@code withProfileSwitch("missingSignatureStatus", 401)}. */
  public SessionOptions withProfileSwitch(String key, Object value) {
    Map<String, Object> switches =
        new LinkedHashMap<>(profileOverrides == null ? Map.of() : profileOverrides);
    switches.put(key, value);
    return new SessionOptions(
        name,
        profile,
        Map.copyOf(switches),
        autoConsent,
        fees,
        rates,
        quoteLifetime,
        processingDelay,
        webhookUrl,
        adminToken,
        ases,
        misbehaviours,
        scenario);
  }

  public SessionOptions withAutoConsent(AutoConsent value) {
    return new SessionOptions(
        name,
        profile,
        profileOverrides,
        value,
        fees,
        rates,
        quoteLifetime,
        processingDelay,
        webhookUrl,
        adminToken,
        ases,
        misbehaviours,
        scenario);
  }

  public SessionOptions withFees(Map<String, Object> value) {
    return new SessionOptions(
        name,
        profile,
        profileOverrides,
        autoConsent,
        value,
        rates,
        quoteLifetime,
        processingDelay,
        webhookUrl,
        adminToken,
        ases,
        misbehaviours,
        scenario);
  }

  public SessionOptions withRates(List<Map<String, Object>> value) {
    return new SessionOptions(
        name,
        profile,
        profileOverrides,
        autoConsent,
        fees,
        value,
        quoteLifetime,
        processingDelay,
        webhookUrl,
        adminToken,
        ases,
        misbehaviours,
        scenario);
  }

  public SessionOptions withQuoteLifetime(Duration value) {
    return new SessionOptions(
        name,
        profile,
        profileOverrides,
        autoConsent,
        fees,
        rates,
        value,
        processingDelay,
        webhookUrl,
        adminToken,
        ases,
        misbehaviours,
        scenario);
  }

  public SessionOptions withProcessingDelay(Duration value) {
    return new SessionOptions(
        name,
        profile,
        profileOverrides,
        autoConsent,
        fees,
        rates,
        quoteLifetime,
        value,
        webhookUrl,
        adminToken,
        ases,
        misbehaviours,
        scenario);
  }

  public SessionOptions withWebhookUrl(String value) {
    return new SessionOptions(
        name,
        profile,
        profileOverrides,
        autoConsent,
        fees,
        rates,
        quoteLifetime,
        processingDelay,
        value,
        adminToken,
        ases,
        misbehaviours,
        scenario);
  }

  /** Asks for the session's own admin token (shown once, in {@link CreatedSession}). */
  public SessionOptions withAdminToken() {
    return new SessionOptions(
        name,
        profile,
        profileOverrides,
        autoConsent,
        fees,
        rates,
        quoteLifetime,
        processingDelay,
        webhookUrl,
        true,
        ases,
        misbehaviours,
        scenario);
  }

  /** A session that starts with no wallets at all (each test opens its own). */
  public SessionOptions withoutWallets() {
    return new SessionOptions(
        name,
        profile,
        profileOverrides,
        autoConsent,
        fees,
        rates,
        quoteLifetime,
        processingDelay,
        webhookUrl,
        adminToken,
        List.of(),
        misbehaviours,
        scenario);
  }

  /**
   * One more seed wallet on a provider. Once any is given the session starts with exactly the
   * seeded wallets instead of the configured ones.
   */
  public SessionOptions withWallet(String provider, NewWallet wallet) {
    List<ProviderSeed> seeds = new ArrayList<>(ases == null ? List.of() : ases);
    boolean added = false;
    for (int i = 0; i < seeds.size(); i++) {
      if (seeds.get(i).name().equals(provider)) {
        List<NewWallet> wallets = new ArrayList<>(seeds.get(i).wallets());
        wallets.add(wallet);
        seeds.set(i, new ProviderSeed(provider, List.copyOf(wallets)));
        added = true;
      }
    }
    if (!added) {
      seeds.add(new ProviderSeed(provider, List.of(wallet)));
    }
    return new SessionOptions(
        name,
        profile,
        profileOverrides,
        autoConsent,
        fees,
        rates,
        quoteLifetime,
        processingDelay,
        webhookUrl,
        adminToken,
        List.copyOf(seeds),
        misbehaviours,
        scenario);
  }

  /** With these misbehaviours (replacing any given before). */
  public SessionOptions withMisbehaviours(List<Misbehaviour> value) {
    return new SessionOptions(
        name,
        profile,
        profileOverrides,
        autoConsent,
        fees,
        rates,
        quoteLifetime,
        processingDelay,
        webhookUrl,
        adminToken,
        ases,
        List.copyOf(value),
        scenario);
  }

  /** Starting from a named scenario's misbehaviours (see {@code GET /admin/scenarios}). */
  public SessionOptions withScenario(String value) {
    return new SessionOptions(
        name,
        profile,
        profileOverrides,
        autoConsent,
        fees,
        rates,
        quoteLifetime,
        processingDelay,
        webhookUrl,
        adminToken,
        ases,
        misbehaviours,
        value);
  }
}
