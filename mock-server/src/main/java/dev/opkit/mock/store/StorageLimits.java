package dev.opkit.mock.store;

/**
 * The bounds a storage keeps every session's logs within.
 *
 * @param eventsPerAse how many events each provider's log of a session keeps
 * @param journalPerAse how many signed requests each provider's journal of a session keeps
 */
public record StorageLimits(int eventsPerAse, int journalPerAse) {
  public StorageLimits {
    if (eventsPerAse < 1 || journalPerAse < 1) {
      throw new IllegalArgumentException("logs keep at least one entry");
    }
  }
}
