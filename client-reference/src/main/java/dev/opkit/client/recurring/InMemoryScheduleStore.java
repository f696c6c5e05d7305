package dev.opkit.client.recurring;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Keeps the state in memory: for single payments and tests. Thread-safe. */
public final class InMemoryScheduleStore implements ScheduleStore {
  private final AtomicReference<ScheduleState> state = new AtomicReference<>();

  @Override
  public Optional<ScheduleState> load() {
    return Optional.ofNullable(state.get());
  }

  @Override
  public void save(ScheduleState newState) {
    state.set(newState);
  }

  @Override
  public String describe() {
    return "memory";
  }
}
