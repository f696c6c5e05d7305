package dev.opkit.conformance.events;

/**
 * The events file of the run in progress, for the parts of the kit that report what happens outside
 * Cucumber's own events (the target, consents). The report package's {@code KitEventStream} plugin
 * opens it when the run starts and closes it when the run ends; between runs, and without {@code
 * opkit.events}, it is {@link EventStream#NONE}.
 */
public final class KitEvents {
  private static volatile EventStream current = EventStream.NONE;

  private KitEvents() {}

  /** The run's events. */
  public static EventStream current() {
    return current;
  }

  /** Makes {@code stream} the run's events, until the next call. */
  public static void use(EventStream stream) {
    current = stream;
  }
}
