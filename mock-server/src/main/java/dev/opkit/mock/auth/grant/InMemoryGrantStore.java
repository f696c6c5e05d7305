package dev.opkit.mock.auth.grant;

import dev.opkit.mock.sandbox.Ase;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link GrantStore} in memory. */
public final class InMemoryGrantStore implements GrantStore {
  private final Map<String, Grant> byId = new ConcurrentHashMap<>();
  private final Map<String, Grant> byContinueId = new ConcurrentHashMap<>();
  private final Map<String, Grant> byInteractionId = new ConcurrentHashMap<>();

  @Override
  public void add(Grant grant) {
    byId.put(grant.id(), grant);
    byContinueId.put(grant.continueId(), grant);
    grant.interaction().ifPresent(i -> byInteractionId.put(i.id(), grant));
  }

  @Override
  public Optional<Grant> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public Optional<Grant> findByContinueId(String continueId) {
    return Optional.ofNullable(byContinueId.get(continueId));
  }

  @Override
  public Optional<Grant> findByInteractionId(String interactionId) {
    return Optional.ofNullable(byInteractionId.get(interactionId));
  }

  @Override
  public List<Grant> all(Ase ase) {
    return byId.values().stream()
        .filter(g -> g.ase() == ase)
        .sorted(Comparator.comparing(Grant::createdAt).thenComparing(Grant::id).reversed())
        .toList();
  }

  @Override
  public int count() {
    return byId.size();
  }

  @Override
  public void clear() {
    byId.clear();
    byContinueId.clear();
    byInteractionId.clear();
  }
}
