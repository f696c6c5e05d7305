package dev.opkit.bench;

import java.util.List;

/**
 * A server in its own process that answers the signed {@code POST /incoming-payments} load: the
 * sandbox, or Prism side by side with it.
 */
interface PostTarget extends AutoCloseable {
  /** The name in the report, e.g. {@code sandbox}. */
  String name();

  ServerProcess process();

  /** One work item per client, each posting signed incoming payments into {@code measurements}. */
  List<LoadGenerator.Work> clients(int count, Measurements measurements);

  /** What to read around a measured part (the sandbox's counters and pauses), or none. */
  LoadGenerator.Probe probe();

  /** The measured phase from the load's figures and what the probe read. */
  Phase phase(LoadResult load);

  @Override
  void close();
}
