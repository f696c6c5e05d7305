package dev.opkit.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox as a {@link PostTarget}: each client gets its own wallets and key (as the guide's
 * journey does) and posts incoming payments at the receiving provider; every request is signed and
 * verified.
 */
final class SandboxTarget implements PostTarget {
  private final SandboxLauncher.Started sandbox;
  private final List<GuideJourney> journeys = new ArrayList<>();
  private SandboxProbe probe;

  SandboxTarget(SandboxLauncher.Started sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public String name() {
    return "sandbox";
  }

  @Override
  public ServerProcess process() {
    return sandbox.process();
  }

  SandboxLauncher.Started started() {
    return sandbox;
  }

  /** The clients' journeys, opening more when fewer than {@code count} are open. */
  List<GuideJourney> journeys(int count, Measurements measurements) {
    while (journeys.size() < count) {
      journeys.add(
          GuideJourney.open(
              sandbox.senderAdmin(), sandbox.receiverAdmin(), journeys.size(), measurements));
    }
    return journeys.subList(0, count).stream().map(j -> j.recordingInto(measurements)).toList();
  }

  @Override
  public List<LoadGenerator.Work> clients(int count, Measurements measurements) {
    return journeys(count, measurements).stream().map(GuideJourney::incomingPayments).toList();
  }

  @Override
  public LoadGenerator.Probe probe() {
    probe = new SandboxProbe(sandbox);
    return probe;
  }

  @Override
  public Phase phase(LoadResult load) {
    return probe.phase(load);
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
