package dev.opkit.mock.store.memory;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One session in memory: its committed state and the lock its write transactions take one at a time
 * (the only lock of the in-memory port; sessions each have their own).
 */
final class MemorySession {
  final ReentrantLock writes = new ReentrantLock();
  final AtomicLong sequences = new AtomicLong();
  volatile MemoryState state;
  volatile boolean discarded;

  MemorySession(MemoryState state) {
    this.state = state;
  }
}
