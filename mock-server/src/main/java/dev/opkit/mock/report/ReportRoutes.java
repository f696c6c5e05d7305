package dev.opkit.mock.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.opkit.mock.http.JsonRequests;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.session.SessionRouting;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /admin/report} (and {@code /admin/sessions/{id}/report}): the client's report card as
 * JSON, or as an HTML page with {@code ?format=html} or an {@code Accept} that prefers {@code
 * text/html}. The page is rendered on the server from a Mustache template that escapes every value,
 * under a Content-Security-Policy that allows nothing but its own style block (by its hash).
 */
public final class ReportRoutes implements RouteGroup {
  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:70rem}"
          + "table{border-collapse:collapse;width:100%}"
          + "td,th{border:1px solid #999;padding:.4rem;text-align:left;vertical-align:top}"
          + ".failed{background:#fdd}.passed{background:#dfd}";
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'sha256-"
          + sha256(STYLE)
          + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final SessionRouting routing;
  private final ClientReports reports;
  private final Template page;

  public ReportRoutes(SessionRouting routing, ClientReports reports) {
    this.routing = routing;
    this.reports = reports;
    this.page =
        Mustache.compiler().escapeHTML(true).defaultValue("").compile(template("report.mustache"));
  }

  @Override
  public void addTo(RoutesConfig routes) {
    // The admin API's guard runs before every /admin path; this route answers HTML too.
    routes.get("/admin/report", this::report);
  }

  private void report(Context ctx) {
    ReportCard card = reports.report(routing.session(ctx));
    if (wantsHtml(ctx)) {
      ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
          .header("X-Content-Type-Options", "nosniff")
          .header("Referrer-Policy", "no-referrer")
          .contentType("text/html; charset=utf-8")
          .result(page.execute(Map.of("card", card, "style", STYLE, "rules", rows(card))));
      return;
    }
    JsonRequests.requireJsonAccepted(ctx);
    ctx.json(card);
  }

  private static boolean wantsHtml(Context ctx) {
    if ("html".equals(ctx.queryParam("format"))) {
      return true;
    }
    String accept = ctx.header("Accept");
    if (accept == null) {
      return false;
    }
    String lower = accept.toLowerCase(Locale.ROOT);
    int html = lower.indexOf("text/html");
    int json = lower.indexOf("application/json");
    return html >= 0 && (json < 0 || html < json);
  }

  private static List<Map<String, Object>> rows(ReportCard card) {
    return card.rules().stream()
        .map(
            r ->
                Map.<String, Object>of(
                    "rule",
                    r,
                    "verdictClass",
                    r.verdict() == Verdict.NOT_EXERCISED ? "not-exercised" : r.verdict().wire(),
                    "verdict",
                    r.verdict().wire()))
        .toList();
  }

  private static Reader template(String name) {
    InputStream in = ReportRoutes.class.getResourceAsStream("/report/" + name);
    if (in == null) {
      throw new IllegalStateException("missing template /report/" + name);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  private static String sha256(String text) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
