package dev.opkit.client.cli;

import dev.opkit.client.recurring.FileScheduleStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a schedule's state file is. */
final class StateOption {
  static final String DEFAULT_FILE = ".opm/schedule.json";

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description =
          "The schedule's state file (default: env OPM_STATE, else " + DEFAULT_FILE + ").")
  Path file;

  FileScheduleStore store(CliContext context) {
    Path chosen =
        file != null
            ? file
            : Path.of(context.env("OPM_STATE") != null ? context.env("OPM_STATE") : DEFAULT_FILE);
    return new FileScheduleStore(chosen);
  }
}
