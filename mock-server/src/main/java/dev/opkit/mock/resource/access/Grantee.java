package dev.opkit.mock.resource.access;

import dev.opkit.protocol.model.AccessItem;
import java.util.Objects;

/**
 * Who a request acts for, as the auth server established it.
 *
 * @param grantId the grant behind the token (what spent amounts are kept against)
 * @param client the client's wallet address URL (who "created by the same client" means)
 * @param access the access item of the grant that matched the request, with its limits
 * @param all whether the matched right is not limited to the client's own resources ({@code
 *     read-all}, {@code list-all}); always false for {@code create} and {@code complete}
 * @param keyId the {@code keyid} of the client key that signed the request, or null
 */
public record Grantee(String grantId, String client, AccessItem access, boolean all, String keyId) {
  /** One whose signing key is not known. */
  public Grantee(String grantId, String client, AccessItem access, boolean all) {
    this(grantId, client, access, all, null);
  }

  public Grantee {
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(access, "access");
  }

  /** Whether this grantee may see a resource created by {@code creator}. */
  public boolean maySee(String creator) {
    return all || client.equals(creator);
  }
}
