package dev.opkit.mock.store.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.opkit.mock.store.ClientExchange;
import dev.opkit.mock.store.JournalEntry;
import dev.opkit.mock.store.JournalReads;
import dev.opkit.mock.store.JournalStore;
import dev.opkit.mock.store.MisbehaviourFiring;
import dev.opkit.mock.store.PossibleReplay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A session's request journals, one per provider, numbered across the session, and the signed
 * requests it saw lately (bounded: the oldest sightings give way when it is full).
 */
final class MemoryJournal implements JournalReads {
  /** How many sightings a session keeps at most. */
  static final long MAX_SIGHTINGS = 50_000;

  private final int capacity;
  private final AtomicLong numbers;
  private final ConcurrentMap<String, BoundedLog<JournalEntry>> logs = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, BoundedLog<ClientExchange>> exchanges =
      new ConcurrentHashMap<>();
  private final BoundedLog<MisbehaviourFiring> firings;
  private final Cache<String, Sighting> sightings =
      Caffeine.newBuilder().maximumSize(MAX_SIGHTINGS).build();

  MemoryJournal(int capacity) {
    this(capacity, new AtomicLong());
  }

  /** Empty journals (and no sightings) that go on numbering after {@code previous}'s. */
  MemoryJournal(MemoryJournal previous) {
    this(previous.capacity, previous.numbers);
  }

  private MemoryJournal(int capacity, AtomicLong numbers) {
    this.capacity = capacity;
    this.numbers = numbers;
    this.firings = new BoundedLog<>(capacity, 0);
  }

  @Override
  public List<JournalEntry> recent(String ase, int limit, boolean refusedOnly) {
    BoundedLog<JournalEntry> log = logs.get(ase);
    return log == null ? List.of() : log.newest(limit, e -> !refusedOnly || e.refused());
  }

  @Override
  public Optional<JournalEntry> find(String ase, long sequence) {
    BoundedLog<JournalEntry> log = logs.get(ase);
    return log == null ? Optional.empty() : log.get(sequence);
  }

  @Override
  public List<ClientExchange> exchanges(String ase) {
    BoundedLog<ClientExchange> log = exchanges.get(ase);
    return log == null ? List.of() : log.after(0, capacity);
  }

  @Override
  public List<MisbehaviourFiring> firings() {
    return firings.after(0, capacity);
  }

  Writes writes() {
    return new Writes();
  }

  /** A sighting of a signed request, and until when a replay of it would still verify. */
  private record Sighting(PossibleReplay first, Instant validUntil) {}

  /**
   * The entries and sightings one transaction adds. Several run at once: a sighting is taken at
   * once, atomically for its fingerprint (of two identical requests at the same time exactly one is
   * the first), and given back when the work fails; the entries are added at commit.
   */
  final class Writes implements JournalStore {
    private final List<JournalEntry> appended = new ArrayList<>(1);
    private final Map<String, Sighting> taken = new HashMap<>();
    private final List<ClientExchange> answered = new ArrayList<>(1);
    private final List<MisbehaviourFiring> acted = new ArrayList<>(1);

    @Override
    public long nextSequence() {
      return numbers.incrementAndGet();
    }

    @Override
    public void append(JournalEntry entry) {
      appended.add(entry);
    }

    @Override
    public Optional<PossibleReplay> sight(
        String fingerprint, Instant now, Instant validUntil, PossibleReplay first) {
      Sighting ours = new Sighting(first, validUntil);
      Sighting kept =
          sightings
              .asMap()
              .compute(
                  fingerprint,
                  (key, earlier) ->
                      earlier != null && now.isBefore(earlier.validUntil()) ? earlier : ours);
      if (kept != ours) {
        return Optional.of(kept.first());
      }
      taken.put(fingerprint, ours);
      return Optional.empty();
    }

    @Override
    public void exchanged(ClientExchange exchange) {
      answered.add(exchange);
    }

    @Override
    public void fired(MisbehaviourFiring firing) {
      acted.add(firing);
    }

    /** Adds the entries. */
    void commit() {
      for (ClientExchange exchange : answered) {
        exchanges
            .computeIfAbsent(exchange.ase(), a -> new BoundedLog<>(capacity, 0))
            .append(exchange.sequence(), exchange);
      }
      for (MisbehaviourFiring firing : acted) {
        firings.append(firing.sequence(), firing);
      }
      for (JournalEntry entry : appended) {
        logs.computeIfAbsent(entry.ase(), a -> new BoundedLog<>(capacity, 0))
            .append(entry.sequence(), entry);
      }
    }

    /** Gives back the sightings taken, unless a later one replaced them meanwhile. */
    void rollback() {
      taken.forEach((fingerprint, sighting) -> sightings.asMap().remove(fingerprint, sighting));
    }
  }
}
