package dev.opkit.mock.auth.token;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link TokenStore} in memory. */
public final class InMemoryTokenStore implements TokenStore {
  private final Map<String, AccessTokenRecord> byValue = new ConcurrentHashMap<>();
  private final Map<String, AccessTokenRecord> byManageId = new ConcurrentHashMap<>();
  private final Map<String, List<AccessTokenRecord>> byGrant = new ConcurrentHashMap<>();

  @Override
  public void add(AccessTokenRecord token) {
    byValue.put(token.value(), token);
    byManageId.put(token.manageId(), token);
    byGrant.computeIfAbsent(token.grant().id(), g -> new CopyOnWriteArrayList<>()).add(token);
  }

  @Override
  public Optional<AccessTokenRecord> findByValue(String value) {
    return Optional.ofNullable(byValue.get(value));
  }

  @Override
  public Optional<AccessTokenRecord> findByManageId(String manageId) {
    return Optional.ofNullable(byManageId.get(manageId));
  }

  @Override
  public List<AccessTokenRecord> ofGrant(String grantId) {
    return List.copyOf(byGrant.getOrDefault(grantId, List.of()));
  }

  @Override
  public int count() {
    return byValue.size();
  }

  @Override
  public void clear() {
    byValue.clear();
    byManageId.clear();
    byGrant.clear();
  }
}
