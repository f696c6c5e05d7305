package dev.opkit.mock.resource.access;

import dev.opkit.mock.http.ApiException;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.model.AccessItem;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in auth server for resource-server tests: tokens issued by the test, with their grant,
 * client and access items; access matched by type, action and identifier as PROTOCOL.md §5 says. It
 * checks no signatures (the auth server's job) but records every request it was asked about.
 */
public final class TestResourceAccess implements ResourceAccess {
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final List<AccessRequest> requests = new CopyOnWriteArrayList<>();

  /** A token for a grant of {@code client} with these access items; returns its value. */
  public String issue(String grantId, String client, AccessItem... access) {
    String value = UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
    tokens.put(value, new Token(grantId, client, List.of(access)));
    return value;
  }

  /** Every request asked about, oldest first. */
  public List<AccessRequest> requests() {
    return List.copyOf(requests);
  }

  public void clear() {
    tokens.clear();
    requests.clear();
  }

  @Override
  public Grantee authorize(AccessRequest request) {
    requests.add(request);
    String header =
        request
            .authorizationHeader()
            .orElseThrow(() -> new ApiException(401, "unauthorized", "no token"));
    if (!header.startsWith("GNAP ")) {
      throw new ApiException(401, "unauthorized", "not a GNAP token");
    }
    Token token = tokens.get(header.substring(5));
    if (token == null) {
      throw new ApiException(401, "unauthorized", "unknown token");
    }
    for (AccessItem item : token.access()) {
      if (item.type() != request.type()
          || !AccessAction.anySatisfies(item.actions(), request.action())) {
        continue;
      }
      if (item.identifier() != null
          && request.walletAddress() != null
          && !item.identifier().equals(request.walletAddress())) {
        continue;
      }
      boolean all =
          item.actions().stream()
              .anyMatch(a -> a.coversAllClients() && a.satisfies(request.action()));
      return new Grantee(token.grantId(), token.client(), item, all);
    }
    throw new ApiException(403, "forbidden", "insufficient grant");
  }

  private record Token(String grantId, String client, List<AccessItem> access) {}
}
