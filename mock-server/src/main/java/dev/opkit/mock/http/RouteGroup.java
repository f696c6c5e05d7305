package dev.opkit.mock.http;

import io.javalin.config.RoutesConfig;

/**
 * One feature's routes on a provider's origin. Groups are added in a fixed order: specific paths
 * first, the catch-all wallet address route {@code /{name}} last.
 */
@FunctionalInterface
public interface RouteGroup {
  void addTo(RoutesConfig routes);
}
