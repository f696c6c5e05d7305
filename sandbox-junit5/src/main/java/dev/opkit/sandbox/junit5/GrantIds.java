package dev.opkit.sandbox.junit5;

import dev.opkit.sandbox.admin.AdminGrant;
import dev.opkit.sandbox.admin.SandboxAdmin;
import java.util.NoSuchElementException;

/**
 * A grant's id from the id itself or from its continuation URL (which names the continuation, not
 * the grant: found in the session's grants).
 */
final class GrantIds {
  private GrantIds() {}

  static String of(SandboxAdmin admin, String idOrContinueUri) {
    if (!idOrContinueUri.startsWith("http://") && !idOrContinueUri.startsWith("https://")) {
      return idOrContinueUri;
    }
    return admin.grants().stream()
        .filter(grant -> idOrContinueUri.equals(grant.continueUri()))
        .map(AdminGrant::id)
        .findFirst()
        .orElseThrow(
            () ->
                new NoSuchElementException(
                    "the session has no grant continued at " + idOrContinueUri));
  }
}
