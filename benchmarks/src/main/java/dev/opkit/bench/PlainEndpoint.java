package dev.opkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.http.ServerSettings;
import dev.opkit.protocol.json.Json;
import io.javalin.Javalin;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plain baseline server, run as its own process: one Javalin instance with exactly the
 * sandbox's server settings ({@link ServerSettings}, including its log line per request) whose
 * {@code POST /plain} only reads a small JSON body and answers 200. The sandbox's throughput as a
 * share of this one's is what its protocol work costs on top of plain HTTP and JSON.
 */
public final class PlainEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(PlainEndpoint.class);

  private PlainEndpoint() {}

  /** Arguments: the host and the port to listen on. */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: PlainEndpoint <host> <port>");
      System.exit(2);
    }
    Javalin app =
        Javalin.create(
            cfg -> {
              ServerSettings.apply(cfg, LOG, "plain");
              cfg.routes.get("/plain", ctx -> ctx.json(Map.of("ready", true)));
              cfg.routes.post(
                  "/plain",
                  ctx -> {
                    JsonNode body = Json.read(ctx.bodyAsBytes(), JsonNode.class);
                    ctx.json(Map.of("fields", body.size()));
                  });
            });
    app.start(args[0], Integer.parseInt(args[1]));
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "plain-shutdown"));
    System.out.println("plain endpoint listening on " + args[0] + ":" + app.port());
  }
}
