package dev.opkit.mock.store.memory;

import dev.opkit.mock.store.GrantReads;
import dev.opkit.mock.store.GrantRecord;
import dev.opkit.mock.store.GrantStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** A session's grants: by id, continuation id and interaction id, and per provider by age. */
final class MemoryGrants implements GrantReads {
  private final ConcurrentMap<String, GrantRecord> rows = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> byContinueId = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> byInteractionId = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, ConcurrentSkipListSet<Age>> byAse = new ConcurrentHashMap<>();

  @Override
  public Optional<GrantRecord> find(String id) {
    return Optional.ofNullable(rows.get(id));
  }

  @Override
  public Optional<GrantRecord> findByContinueId(String continueId) {
    return Optional.ofNullable(byContinueId.get(continueId)).map(rows::get);
  }

  @Override
  public Optional<GrantRecord> findByInteractionId(String interactionId) {
    return Optional.ofNullable(byInteractionId.get(interactionId)).map(rows::get);
  }

  @Override
  public List<GrantRecord> newest(String ase, int max) {
    ConcurrentSkipListSet<Age> ages = byAse.get(ase);
    if (ages == null) {
      return List.of();
    }
    List<GrantRecord> newest = new ArrayList<>();
    for (Iterator<Age> it = ages.descendingIterator(); it.hasNext() && newest.size() < max; ) {
      newest.add(rows.get(it.next().id()));
    }
    return newest;
  }

  @Override
  public int count() {
    return rows.size();
  }

  Writes writes() {
    return new Writes();
  }

  private void apply(GrantRecord grant) {
    if (rows.put(grant.id(), grant) == null) {
      byContinueId.put(grant.continueId(), grant.id());
      grant.interactionIfAny().ifPresent(i -> byInteractionId.put(i.id(), grant.id()));
      byAse
          .computeIfAbsent(grant.ase(), a -> new ConcurrentSkipListSet<>())
          .add(new Age(grant.createdAt(), grant.id()));
    }
  }

  /** The grants as one transaction sees and changes them. */
  final class Writes implements GrantStore, Pending {
    private final Overlay<String, GrantRecord> overlay = new Overlay<>(rows);

    @Override
    public Optional<GrantRecord> find(String id) {
      return Optional.ofNullable(overlay.get(id));
    }

    @Override
    public Optional<GrantRecord> forUpdate(String id) {
      return find(id);
    }

    @Override
    public void save(GrantRecord grant) {
      overlay.put(grant.id(), grant);
    }

    @Override
    public void commit() {
      overlay.forEach((id, grant) -> apply(grant));
    }
  }

  /** A grant's place in its provider's list: by creation time, then id. */
  private record Age(Instant createdAt, String id) implements Comparable<Age> {
    private static final Comparator<Age> ORDER =
        Comparator.comparing(Age::createdAt).thenComparing(Age::id);

    @Override
    public int compareTo(Age other) {
      return ORDER.compare(this, other);
    }
  }
}
