package dev.opkit.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A session as {@code GET /admin/sessions/{id}} shows it.
 *
 * @param id its UUID
 * @param name its name
 * @param createdAt when it was made
 * @param hasAdminToken whether it has an admin token of its own
 * @param settings its settings (profile, profileOverrides, autoConsent, fees, rates, …) as JSON
 * @param providers its URLs on every provider
 */
public record SessionInfo(
    String id,
    String name,
    Instant createdAt,
    boolean hasAdminToken,
    JsonNode settings,
    List<Provider> providers) {

  /**
   * A session's URLs on one provider.
   *
   * @param name the provider, e.g. {@code ase1}
   * @param profile its behaviour profile in the session
   * @param resourceServer the resource server URL
   * @param authServer the grant endpoint
   * @param admin the admin base of the session on this provider
   * @param walletAddresses wallet name → wallet address URL
   */
  public record Provider(
      String name,
      String profile,
      String resourceServer,
      String authServer,
      String admin,
      Map<String, String> walletAddresses) {

    /** A wallet address URL by its name. */
    public String walletAddress(String walletName) {
      String url = walletAddresses.get(walletName);
      if (url == null) {
        throw new NoSuchElementException(
            "provider "
                + name
                + " has no wallet '"
                + walletName
                + "'; it has "
                + walletAddresses.keySet());
      }
      return url;
    }
  }

  /** The session's URLs on a provider. */
  public Provider provider(String providerName) {
    return providers.stream()
        .filter(p -> p.name().equals(providerName))
        .findFirst()
        .orElseThrow(
            () ->
                new NoSuchElementException(
                    "the session has no provider '"
                        + providerName
                        + "'; it has "
                        + providers.stream().map(Provider::name).toList()));
  }
}
