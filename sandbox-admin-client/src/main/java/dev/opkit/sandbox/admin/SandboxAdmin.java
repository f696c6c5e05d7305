package dev.opkit.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.protocol.model.WalletAddress;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A typed client of the sandbox admin API of one provider, for one session: the default session at
 * {@code {origin}/admin}, or a session at {@code {origin}/admin/sessions/{id}}. Answers are
 * records; a status other than 2xx throws a {@link SandboxAdminException} carrying the JSON error.
 *
 * <pre>{@code
 * SandboxAdmin root = SandboxAdmin.connect("http://localhost:4000/admin");
 * CreatedSession created = root.createSession(SessionOptions.defaults().withName("my-test"));
 * SandboxAdmin ase1 = root.session(created, "ase1");
 * ase1.advance(Period.ofMonths(1));
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class SandboxAdmin {
  private final AdminHttp root;
  private final AdminHttp http;

  private SandboxAdmin(AdminHttp root, AdminHttp http) {
    this.root = root;
    this.http = http;
  }

  /** The admin API of a provider's default session, e.g. {@code http://localhost:4000/admin}. */
  public static SandboxAdmin connect(String adminUrl) {
    return connect(adminUrl, null);
  }

  /**
   * The admin API of a provider's default session behind an admin secret ({@code --admin-secret};
   * null for none).
   */
  public static SandboxAdmin connect(String adminUrl, String secret) {
    return connect(HttpClient.newHttpClient(), adminUrl, secret);
  }

  /** As {@link #connect(String, String)}, on a given HTTP client. */
  public static SandboxAdmin connect(HttpClient client, String adminUrl, String secret) {
    AdminHttp http =
        new AdminHttp(
            client,
            Objects.requireNonNull(adminUrl, "adminUrl"),
            secret,
            AdminHttp.DEFAULT_TIMEOUT);
    return new SandboxAdmin(http, http);
  }

  /** The same client with another time-out per request (30 s unless changed), e.g. for preload. */
  public SandboxAdmin withTimeout(Duration timeout) {
    return new SandboxAdmin(root.withTimeout(timeout), http.withTimeout(timeout));
  }

  /** The admin base URL this client calls. */
  public String url() {
    return http.base();
  }

  /** {@code GET /admin}: the index of the admin API (links to every part), as JSON. */
  public JsonNode index() {
    return http.get("");
  }

  // Sessions: always at the provider's /admin/sessions, whatever session this client is for.

  /** {@code POST /admin/sessions}: a new isolated session. */
  public CreatedSession createSession(SessionOptions options) {
    JsonNode answer = root.post("/sessions", options);
    return new CreatedSession(
        AdminHttp.convert(answer, SessionInfo.class), answer.path("adminToken").asText(null));
  }

  /** {@code GET /admin/sessions}. */
  public SessionList sessions() {
    return root.get("/sessions", SessionList.class);
  }

  /** {@code GET /admin/sessions/{id}}. */
  public SessionInfo sessionInfo(String id) {
    return root.get("/sessions/" + segment(id), SessionInfo.class);
  }

  /** {@code DELETE /admin/sessions/{id}}: discards the session and everything in it. */
  public void deleteSession(String id) {
    root.delete("/sessions/" + segment(id));
  }

  /**
   * The admin API of a session on a provider, authorized by the session's own admin token when it
   * has one (else by this client's secret).
   */
  public SandboxAdmin session(CreatedSession session, String provider) {
    String admin = session.info().provider(provider).admin();
    String token = session.adminToken() == null ? root.token() : session.adminToken();
    return new SandboxAdmin(root, root.at(admin, token));
  }

  /** The admin API of a session on a provider, with this client's secret. */
  public SandboxAdmin session(SessionInfo session, String provider) {
    return new SandboxAdmin(root, root.at(session.provider(provider).admin(), root.token()));
  }

  // Wallets, keys, balances and forced failures.

  /** {@code GET /admin/wallet-addresses}. */
  public List<AdminWallet> wallets() {
    List<AdminWallet> wallets = new ArrayList<>();
    for (JsonNode wallet : http.get("/wallet-addresses").path("result")) {
      wallets.add(AdminHttp.convert(wallet, AdminWallet.class));
    }
    return List.copyOf(wallets);
  }

  /** {@code GET /admin/wallet-addresses/{name}}. */
  public AdminWallet wallet(String name) {
    return http.get("/wallet-addresses/" + segment(name), AdminWallet.class);
  }

  /**
   * The wallet whose address URL is {@code walletAddress}, of this client's provider and session:
   * {@code GET /admin/wallet-addresses/{name}} with the URL's last segment, checked against the
   * answer's id.
   *
   * @throws IllegalArgumentException when this provider's session has a wallet of that name under
   *     another URL (the address is another provider's or another session's)
   * @throws SandboxAdminException when it has no wallet of that name (404)
   */
  public AdminWallet walletAt(String walletAddress) {
    String name = walletAddress.substring(walletAddress.lastIndexOf('/') + 1);
    AdminWallet wallet = wallet(name);
    if (!wallet.id().equals(walletAddress)) {
      throw new IllegalArgumentException(
          walletAddress
              + " is not a wallet address of "
              + http.base()
              + " (it has "
              + wallet.id()
              + ")");
    }
    return wallet;
  }

  /** {@code POST /admin/wallet-addresses}: answers the new wallet address document. */
  public WalletAddress createWallet(NewWallet wallet) {
    if (!wallet.keys().isEmpty()) {
      throw new IllegalArgumentException(
          "keys are seeded with a session only; register them here with addKey");
    }
    return http.post("/wallet-addresses", wallet, WalletAddress.class);
  }

  /** {@code POST /admin/wallet-addresses/{name}/keys}: registers a client key. */
  public Jwk addKey(String wallet, Jwk jwk) {
    return http.post(
        "/wallet-addresses/" + segment(wallet) + "/keys", Map.of("jwk", jwk), Jwk.class);
  }

  /** {@code DELETE /admin/wallet-addresses/{name}/keys/{kid}}. */
  public void removeKey(String wallet, String kid) {
    http.delete("/wallet-addresses/" + segment(wallet) + "/keys/" + segment(kid));
  }

  /** {@code POST /admin/wallet-addresses/{name}/balance}: sets the available balance. */
  public AdminWallet setBalance(String wallet, BigInteger value) {
    return http.post(
        "/wallet-addresses/" + segment(wallet) + "/balance",
        Map.of("value", value.toString()),
        AdminWallet.class);
  }

  /** As {@link #setBalance(String, BigInteger)}. */
  public AdminWallet setBalance(String wallet, long value) {
    return setBalance(wallet, BigInteger.valueOf(value));
  }

  /** {@code POST /admin/wallet-addresses/{name}/failures}: the next {@code count} payments fail. */
  public AdminWallet failNextPayments(String wallet, int count) {
    return http.post(
        "/wallet-addresses/" + segment(wallet) + "/failures",
        Map.of("count", count),
        AdminWallet.class);
  }

  /** {@code GET /admin/wallet-addresses/{name}/incoming-payments}: a page, as JSON. */
  public JsonNode incomingPayments(String wallet) {
    return http.get("/wallet-addresses/" + segment(wallet) + "/incoming-payments");
  }

  /** {@code GET /admin/wallet-addresses/{name}/outgoing-payments}: a page, as JSON. */
  public JsonNode outgoingPayments(String wallet) {
    return http.get("/wallet-addresses/" + segment(wallet) + "/outgoing-payments");
  }

  // The clock.

  /** {@code GET /admin/clock}: the session's time. */
  public Instant now() {
    return clock(http.get("/clock"));
  }

  /** Moves the session's clock forward by a calendar period, e.g. one month. */
  public Instant advance(Period period) {
    return clock(http.post("/clock", Map.of("advance", period.toString())));
  }

  /** Moves the session's clock forward by a duration. */
  public Instant advance(Duration duration) {
    return clock(http.post("/clock", Map.of("advance", duration.toString())));
  }

  /** Sets the session's clock to an instant. */
  public Instant setClock(Instant now) {
    return clock(http.post("/clock", Map.of("now", now.toString())));
  }

  /** Moves the session's clock to the start of the grant's next spending window. */
  public Instant advanceToNextWindow(String grantId) {
    return clock(http.post("/clock", Map.of("advanceTo", "next-window", "grant", grantId)));
  }

  private static Instant clock(JsonNode answer) {
    return Instant.parse(answer.path("now").asText());
  }

  /** {@code POST /admin/reset}: the session back to its seed. */
  public void reset() {
    http.post("/reset", null);
  }

  // Grants and their spending windows.

  /** {@code GET /admin/grants}: every grant, without windows. */
  public List<AdminGrant> grants() {
    List<AdminGrant> grants = new ArrayList<>();
    for (JsonNode grant : http.get("/grants").path("result")) {
      grants.add(AdminHttp.convert(grant, AdminGrant.class));
    }
    return List.copyOf(grants);
  }

  /** {@code GET /admin/grants/{id}}: with its spending windows. */
  public AdminGrant grant(String id) {
    return http.get("/grants/" + segment(id), AdminGrant.class);
  }

  /** {@code POST /admin/grants/{id}/revoke}: the person revokes the grant and its tokens. */
  public AdminGrant revokeGrant(String id) {
    return http.post("/grants/" + segment(id) + "/revoke", null, AdminGrant.class);
  }

  // Events, the request journal, the books.

  /** {@code GET /admin/events?after=…&limit=…}. */
  public EventPage events(long after, int limit) {
    return http.get("/events?after=" + after + "&limit=" + limit, EventPage.class);
  }

  /** The first page of events (up to 100). */
  public EventPage events() {
    return events(0, 100);
  }

  /** {@code GET /admin/requests?limit=…&refused=…}: the newest signed requests first. */
  public List<JournalEntry> requests(int limit, boolean refusedOnly) {
    List<JournalEntry> entries = new ArrayList<>();
    for (JsonNode entry :
        http.get("/requests?limit=" + limit + "&refused=" + refusedOnly).path("result")) {
      entries.add(AdminHttp.convert(entry, JournalEntry.class));
    }
    return List.copyOf(entries);
  }

  /** {@code GET /admin/misbehaviours}: the session's misbehaviours with their counts. */
  public List<Misbehaviour> misbehaviours() {
    List<Misbehaviour> all = new ArrayList<>();
    for (JsonNode m : http.get("/misbehaviours").path("result")) {
      all.add(AdminHttp.convert(m, Misbehaviour.class));
    }
    return List.copyOf(all);
  }

  /** {@code POST /admin/misbehaviours}: switches one on; returns it with its id. */
  public Misbehaviour misbehave(Misbehaviour misbehaviour) {
    return http.post("/misbehaviours", misbehaviour, Misbehaviour.class);
  }

  /** {@code DELETE /admin/misbehaviours/{id}}. */
  public void removeMisbehaviour(String id) {
    http.delete("/misbehaviours/" + segment(id));
  }

  /** {@code DELETE /admin/misbehaviours}: switches every one off. */
  public void clearMisbehaviours() {
    http.delete("/misbehaviours");
  }

  /** {@code GET /admin/scenarios}: the named scenarios. */
  public List<Scenario> scenarios() {
    List<Scenario> all = new ArrayList<>();
    for (JsonNode scenario : http.get("/scenarios").path("result")) {
      all.add(AdminHttp.convert(scenario, Scenario.class));
    }
    return List.copyOf(all);
  }

  /** Switches on every misbehaviour of a named scenario in this session. */
  public List<Misbehaviour> misbehaveAs(String scenario) {
    Scenario named =
        scenarios().stream()
            .filter(s -> s.name().equals(scenario))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("the sandbox has no scenario " + scenario));
    return named.misbehaviours().stream().map(this::misbehave).toList();
  }

  /** {@code GET /admin/report}: the client's report card. */
  public ReportCard report() {
    return http.get("/report", ReportCard.class);
  }

  /** {@code GET /admin/ledger}. */
  public LedgerReport ledger() {
    return http.get("/ledger", LedgerReport.class);
  }

  /**
   * {@code POST /admin/preload}: bulk history for benchmarks (body {@code {wallet,
   * incomingPayments?, outgoingPayments?, receiver?, amount?, client?}}); answers what was made.
   */
  public JsonNode preload(Object body) {
    return http.post("/preload", body);
  }

  /** {@code GET /admin/stats?gc=…}: heap and stored counts, after a full GC when asked. */
  public JsonNode stats(boolean gc) {
    return http.get("/stats?gc=" + gc);
  }

  /** {@code GET /admin/providers}: every provider with its URLs. */
  public JsonNode providers() {
    return http.get("/providers");
  }

  /** {@code GET /admin/requests/{sequence}}: one entry of the request journal. */
  public JournalEntry request(long sequence) {
    return http.get("/requests/" + sequence, JournalEntry.class);
  }

  // Processing delay and auto-consent.

  /** {@code GET /admin/processing}: how long outgoing payments stay in progress. */
  public Duration processingDelay() {
    return Duration.parse(http.get("/processing").path("delay").asText());
  }

  /** {@code POST /admin/processing}. */
  public Duration setProcessingDelay(Duration delay) {
    return Duration.parse(
        http.post("/processing", Map.of("delay", delay.toString())).path("delay").asText());
  }

  /** {@code GET /admin/auto-consent}. */
  public AutoConsent autoConsent() {
    return AutoConsent.fromWire(http.get("/auto-consent").path("autoConsent").asText());
  }

  /** {@code POST /admin/auto-consent}. */
  public AutoConsent setAutoConsent(AutoConsent value) {
    return AutoConsent.fromWire(
        http.post("/auto-consent", Map.of("autoConsent", value.wireName()))
            .path("autoConsent")
            .asText());
  }

  private static String segment(String value) {
    return URLEncoder.encode(Objects.requireNonNull(value), StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
