package dev.opkit.mock.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/** Wraps a handler of a JSON API: the request must accept JSON before anything else happens. */
public final class JsonHandler implements Handler {
  private final Handler delegate;

  private JsonHandler(Handler delegate) {
    this.delegate = delegate;
  }

  public static Handler of(Handler delegate) {
    return new JsonHandler(delegate);
  }

  @Override
  public void handle(Context ctx) throws Exception {
    JsonRequests.requireJsonAccepted(ctx);
    delegate.handle(ctx);
  }
}
