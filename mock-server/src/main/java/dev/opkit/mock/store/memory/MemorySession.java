package dev.opkit.mock.store.memory;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One session in memory: its committed state, the lock its write transactions take one at a time,
 * and the one its journal transactions take (the only locks of the in-memory port; sessions each
 * have their own).
 */
final class MemorySession {
  final ReentrantLock writes = new ReentrantLock();
  final ReentrantLock journalWrites = new ReentrantLock();
  final AtomicLong sequences = new AtomicLong();
  volatile MemoryState state;
  volatile boolean discarded;

  MemorySession(MemoryState state) {
    this.state = state;
  }
}
