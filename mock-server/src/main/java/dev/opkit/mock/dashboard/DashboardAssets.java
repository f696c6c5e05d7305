package dev.opkit.mock.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The dashboard's files, read from {@code /dashboard/} on the classpath on first use and kept: only
 * plain lower-case paths with a known extension are looked up, so no request can reach another
 * classpath resource, and only files that exist are kept, so the cache holds at most what the jar
 * ships.
 */
public final class DashboardAssets {
  private static final String FOLDER = "/dashboard/";
  private static final Pattern PATH = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*\\.[a-z]+");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png");

  private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

  /** One file: its bytes, media type and entity tag. */
  record Asset(byte[] bytes, String contentType, String etag) {}

  /** The file at {@code path} (relative to the dashboard folder), if the dashboard ships it. */
  Optional<Asset> find(String path) {
    if (path == null || !PATH.matcher(path).matches()) {
      return Optional.empty();
    }
    String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    if (type == null) {
      return Optional.empty();
    }
    Asset cached = loaded.get(path);
    if (cached != null) {
      return Optional.of(cached);
    }
    return read(path, type).map(asset -> loaded.computeIfAbsent(path, p -> asset));
  }

  private static Optional<Asset> read(String path, String type) {
    try (InputStream in = DashboardAssets.class.getResourceAsStream(FOLDER + path)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] bytes = in.readAllBytes();
      return Optional.of(new Asset(bytes, type, etag(bytes)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dashboard file " + path, e);
    }
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
