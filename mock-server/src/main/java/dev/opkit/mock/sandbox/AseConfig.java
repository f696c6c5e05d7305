package dev.opkit.mock.sandbox;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One account servicing entity (wallet provider) of the sandbox: its own origin, port, behaviour
 * profile and seed wallet addresses.
 *
 * @param name a short name, e.g. {@code ase1}; used in the banner, events and ILP addresses
 * @param port the port to listen on; 0 picks a free one
 * @param publicUrl the origin clients see (behind a proxy or in a container), without trailing
 *     slash; absent: {@code http://localhost:<bound port>}
 * @param profile the behaviour profile name; absent: the sandbox's
 * @param profileOverrides single profile switches for this provider, e.g. {@code
 *     finishHashEncoding: URL_UNPADDED}
 * @param wallets the wallet addresses created on start and after every reset
 */
public record AseConfig(
    String name,
    int port,
    String publicUrl,
    String profile,
    Map<String, Object> profileOverrides,
    List<WalletSeed> wallets) {

  public AseConfig {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,31}")) {
      throw new IllegalArgumentException(
          "an ASE needs a name of 1 to 32 letters, digits, '_' or '-', got '" + name + "'");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("ASE '" + name + "': port " + port + " is out of range");
    }
    publicUrl = publicUrl == null ? null : checkPublicUrl(name, publicUrl);
    profileOverrides = profileOverrides == null ? Map.of() : Map.copyOf(profileOverrides);
    wallets = wallets == null ? List.of() : List.copyOf(wallets);
    Set<String> seen = new HashSet<>();
    for (WalletSeed wallet : wallets) {
      if (!seen.add(wallet.name())) {
        throw new IllegalArgumentException(
            "ASE '" + name + "' lists the wallet '" + wallet.name() + "' twice");
      }
    }
  }

  /** This provider on another port, and without a public URL (it follows the bound port). */
  public AseConfig withPort(int newPort) {
    return new AseConfig(name, newPort, null, profile, profileOverrides, wallets);
  }

  /** This provider behind another public URL. */
  public AseConfig withPublicUrl(String url) {
    return new AseConfig(name, port, url, profile, profileOverrides, wallets);
  }

  private static String checkPublicUrl(String name, String url) {
    String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    URI uri;
    try {
      uri = URI.create(trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "ASE '" + name + "': publicUrl '" + url + "' is not a URL: " + e.getMessage(), e);
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "ASE '"
              + name
              + "': publicUrl must be an http(s) origin with an optional path, e.g."
              + " https://wallet.example or https://sandbox.example/ase1, got '"
              + url
              + "'");
    }
    return trimmed;
  }
}
