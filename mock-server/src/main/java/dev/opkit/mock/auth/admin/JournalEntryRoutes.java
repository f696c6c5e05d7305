package dev.opkit.mock.auth.admin;

import dev.opkit.mock.auth.journal.RequestJournal;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.session.SessionRouting;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.function.UnaryOperator;

/**
 * {@code GET /admin/requests/{sequence}}: one entry of the request journal, by the {@code sequence}
 * the list shows, while the journal still keeps it.
 */
public final class JournalEntryRoutes implements RouteGroup {
  private final SessionRouting routing;
  private final RequestJournal journal;
  private final UnaryOperator<Handler> guard;

  /**
   * @param guard wraps each handler with the admin API's checks
   */
  public JournalEntryRoutes(
      SessionRouting routing, RequestJournal journal, UnaryOperator<Handler> guard) {
    this.routing = routing;
    this.journal = journal;
    this.guard = guard;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/admin/requests/{sequence}", guard.apply(this::entry));
  }

  private void entry(Context ctx) {
    SessionAse ase = routing.ase(ctx);
    String text = ctx.pathParam("sequence");
    long sequence;
    try {
      sequence = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "a journal entry is named by its sequence, a whole number; got '" + text + "'");
    }
    ctx.json(
        journal
            .find(ase, sequence)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "the request journal of "
                            + ase.name()
                            + " has no entry "
                            + sequence
                            + " (it keeps the last "
                            + journal.capacity()
                            + ")")));
  }
}
