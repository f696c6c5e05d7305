package dev.opkit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A server the benchmark runs in another process (the sandbox, the plain endpoint): started from a
 * command line with its output in a log file, ready once a URL answers 200, stopped with SIGTERM.
 */
final class ServerProcess implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(5);

  private final Process process;
  private final long startedNanos;
  private final Path log;

  private ServerProcess(Process process, long startedNanos, Path log) {
    this.process = process;
    this.startedNanos = startedNanos;
    this.log = log;
  }

  /** Starts {@code command} in {@code directory}; stdout and stderr go to {@code log}. */
  static ServerProcess start(List<String> command, Path directory, Path log) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      long started = System.nanoTime();
      return new ServerProcess(builder.start(), started, log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + String.join(" ", command), e);
    }
  }

  /**
   * Polls {@code url} until it answers 200.
   *
   * @return the time from the process start to that first 200
   * @throws JourneyFailure when the process dies or {@code timeout} passes first
   */
  Duration awaitReady(String url, Duration timeout) throws InterruptedException {
    return awaitReady(url, java.util.Map.of(), timeout);
  }

  /** Polls {@code url}, sent with {@code headers}, until it answers 200; see above. */
  Duration awaitReady(String url, java.util.Map<String, String> headers, Duration timeout)
      throws InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET();
    headers.forEach(builder::header);
    HttpRequest request = builder.build();
    long deadline = startedNanos + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new JourneyFailure(
            "the server process exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - startedNanos);
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new JourneyFailure(url + " did not answer 200 within " + timeout + "; see " + log);
  }

  long pid() {
    return process.pid();
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  /** The process's resident memory now. */
  OptionalLong residentBytes() {
    return ProcStatus.residentBytes(process.pid());
  }

  Path log() {
    return log;
  }

  /** SIGTERM, then waits for the process to end (killing it after 10 s). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
