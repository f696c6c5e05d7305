package dev.opkit.mock.store;

import java.util.List;
import java.util.Optional;

/** Reading a session's grants. */
public interface GrantReads {
  Optional<GrantRecord> find(String id);

  Optional<GrantRecord> findByContinueId(String continueId);

  Optional<GrantRecord> findByInteractionId(String interactionId);

  /** A provider's grants, newest first (at most {@code max}). */
  List<GrantRecord> newest(String ase, int max);

  /** How many grants the session holds, on every provider. */
  int count();
}
