package dev.opkit.mock.store.memory;

/** Writes a transaction made to one store, applied to the committed state at commit. */
interface Pending {
  /** Applies the writes; runs under the session's write lock, after the work succeeded. */
  void commit();
}
