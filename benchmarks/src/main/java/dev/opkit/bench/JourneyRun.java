package dev.opkit.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The throughput part: a sandbox in its own process, N clients each repeating the guide's journey,
 * and in the same run the crypto ceiling over the very requests those clients sent.
 */
final class JourneyRun {
  private final SandboxLauncher launcher;
  private final LoadSettings settings;
  private final PrintStream progress;

  JourneyRun(SandboxLauncher launcher, LoadSettings settings, PrintStream progress) {
    this.launcher = launcher;
    this.settings = settings;
    this.progress = progress;
  }

  /** What the part measured; absent parts are null. */
  record Figures(LoadResult journeys, LoadResult crypto, Footprint footprint) {}

  Figures run(boolean load, boolean crypto) throws InterruptedException {
    progress.println("starting the sandbox: " + launcher.describe());
    try (SandboxLauncher.Started sandbox = launcher.start("journeys")) {
      progress.printf(
          "sandbox ready in %d ms; opening %d clients%n",
          sandbox.ready().toMillis(), settings.clients());
      Measurements measurements = new Measurements();
      List<GuideJourney> journeys = new ArrayList<>();
      List<CryptoCeiling.ClientRequests> requests = new ArrayList<>();
      for (int i = 0; i < settings.clients(); i++) {
        GuideJourney journey =
            GuideJourney.open(sandbox.senderAdmin(), sandbox.receiverAdmin(), i, measurements);
        journey.client().capture();
        journey.run();
        requests.add(
            new CryptoCeiling.ClientRequests(
                journey.client().keys(), journey.client().keyId(), journey.client().captured()));
        journeys.add(journey);
      }
      LoadResult ceiling = null;
      if (crypto) {
        progress.println("crypto ceiling: sign + verify the same requests, no HTTP");
        Measurements cryptoMeasurements = new Measurements();
        CryptoCeiling loop = new CryptoCeiling();
        List<LoadGenerator.Work> work =
            requests.stream().map(r -> loop.work(r, cryptoMeasurements)).toList();
        ceiling = settings.run(new LoadGenerator(cryptoMeasurements, Optional.empty()), work);
      }
      LoadResult result = null;
      Footprint footprint = null;
      if (load) {
        progress.printf(
            "journeys: %d clients, %s, %s%n",
            settings.clients(), settings.warmUp().describe(), settings.describeLength());
        List<LoadGenerator.Work> work =
            journeys.stream().map(j -> (LoadGenerator.Work) j::run).toList();
        result =
            settings.run(
                new LoadGenerator(measurements, Optional.of(sandbox.process().handle())), work);
        footprint = Footprint.of(sandbox.process(), sandbox.senderAdmin(), false);
      }
      return new Figures(result, ceiling, footprint);
    }
  }

  /**
   * The journeys load alone on a started sandbox: {@code clients} clients opened and run once, then
   * the measured load; the footprint at its end.
   */
  static Figures journeys(SandboxLauncher.Started sandbox, LoadSettings settings)
      throws InterruptedException {
    Measurements measurements = new Measurements();
    List<GuideJourney> journeys = new ArrayList<>();
    for (int i = 0; i < settings.clients(); i++) {
      GuideJourney journey =
          GuideJourney.open(sandbox.senderAdmin(), sandbox.receiverAdmin(), i, measurements);
      journey.run();
      journeys.add(journey);
    }
    List<LoadGenerator.Work> work =
        journeys.stream().map(j -> (LoadGenerator.Work) j::run).toList();
    LoadResult result =
        settings.run(
            new LoadGenerator(measurements, Optional.of(sandbox.process().handle())), work);
    return new Figures(result, null, Footprint.of(sandbox.process(), sandbox.senderAdmin(), false));
  }

  static String human(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }
}
