package dev.opkit.conformance.report;

/**
 * What {@code ./kit} exits with, written by {@link ConformanceReports} to the reports directory's
 * {@value #FILE_NAME} file, so the script decides without reading Maven's output.
 */
public enum ExitCode {
  /** Every scenario that ran held every MUST. */
  MUSTS_HELD(0),
  /** At least one scenario broke a MUST. */
  MUST_BROKEN(1),
  /** The kit could not start: a setting is wrong or the target does not answer. */
  NOT_STARTED(3);

  /** The file in the reports directory. */
  public static final String FILE_NAME = "exit-code";

  private final int value;

  ExitCode(int value) {
    this.value = value;
  }

  /** The process exit status. */
  public int value() {
    return value;
  }
}
