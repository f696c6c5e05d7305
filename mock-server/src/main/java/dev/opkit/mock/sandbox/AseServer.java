package dev.opkit.mock.sandbox;

import dev.opkit.mock.http.HostCheck;
import dev.opkit.mock.http.HttpErrors;
import dev.opkit.mock.http.OwnOrigins;
import dev.opkit.mock.http.RouteGroup;
import dev.opkit.mock.http.ServerSettings;
import io.javalin.Javalin;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.net.BindException;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of one provider: a Javalin instance on its own port whose routes are declared up
 * front, specific paths first and the wallet address catch-all last, behind a check of the {@code
 * Host} header that runs before every route.
 */
final class AseServer {
  private static final Logger LOG = LoggerFactory.getLogger(AseServer.class);

  /**
   * Jetty pads its queues by references per cache line and, unless told, asks the JMX platform
   * server whether oops are compressed: starting that server loads about 300 classes (JMX, the JFR
   * commands) on the first start for a padding size. Told here, unless the JVM was told already.
   */
  private static final String REFERENCES_PER_CACHE_LINE =
      "org.eclipse.jetty.util.referencesPerCacheLine";

  /** Below this heap the JVM compresses oops by default: 4-byte references. */
  private static final long COMPRESSED_OOPS_HEAP_LIMIT = 32L << 30;

  static {
    if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
      // 64-byte cache lines (Jetty's default) of 4-byte references, or of 8-byte ones.
      boolean compressed = Runtime.getRuntime().maxMemory() < COMPRESSED_OOPS_HEAP_LIMIT;
      System.setProperty(REFERENCES_PER_CACHE_LINE, compressed ? "16" : "8");
    }
  }

  private final Ase ase;
  private final Javalin app;
  private final OwnOrigins origins;

  AseServer(Ase ase, OwnOrigins origins, Filter sessionPaths, List<RouteGroup> groups) {
    this.ase = ase;
    this.origins = origins;
    HttpErrors errors = new HttpErrors(ase.profile());
    this.app =
        Javalin.create(
            cfg -> {
              ServerSettings.apply(cfg, LOG, ase.name());
              cfg.jetty.modifyServletContextHandler(
                  context ->
                      context.addFilter(
                          new FilterHolder(sessionPaths),
                          "/*",
                          EnumSet.of(DispatcherType.REQUEST)));
              errors.install(cfg.routes);
              cfg.routes.before(new HostCheck(origins.hosts()));
              groups.forEach(group -> group.addTo(cfg.routes));
            });
  }

  /**
   * Binds the port and fixes the provider's public URL.
   *
   * @throws PortInUseException when another process listens on the port
   */
  void start(String host) {
    try {
      app.start(host, ase.config().port());
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof BindException) {
          throw new PortInUseException(ase.name(), host, ase.config().port(), e);
        }
      }
      throw e;
    }
    String base = ase.config().publicUrl();
    ase.publishAt(
        base != null ? base : "http://" + urlHost(host) + ":" + app.port(),
        (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port());
    origins.listening(ase.publicBase(), app.port());
  }

  void stop() {
    app.stop();
  }

  int port() {
    return app.port();
  }

  private static String urlHost(String host) {
    return switch (host) {
      case "0.0.0.0", "::", "127.0.0.1", "localhost" -> "localhost";
      default -> host.contains(":") ? "[" + host + "]" : host;
    };
  }
}
