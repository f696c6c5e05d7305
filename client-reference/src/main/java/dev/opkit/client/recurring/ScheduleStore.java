package dev.opkit.client.recurring;

import java.util.Optional;

/** Where a schedule's state lives between steps and between runs. */
public interface ScheduleStore {
  /** The saved state, or empty when nothing was saved yet. */
  Optional<ScheduleState> load();

  /** Replaces the saved state; either the whole new state is saved or the old one stays. */
  void save(ScheduleState state);

  /** Where the state lives, for messages, e.g. the file path. */
  String describe();
}
