package dev.opkit.mock.auth.grant;

import dev.opkit.mock.sandbox.Ase;
import java.util.List;
import java.util.Optional;

/** Where grants are kept, found by id, continuation id or interaction id. */
public interface GrantStore {
  void add(Grant grant);

  Optional<Grant> find(String id);

  Optional<Grant> findByContinueId(String continueId);

  Optional<Grant> findByInteractionId(String interactionId);

  /** A provider's grants, newest first. */
  List<Grant> all(Ase ase);

  /** How many grants are stored, of every provider. */
  int count();

  void clear();
}
