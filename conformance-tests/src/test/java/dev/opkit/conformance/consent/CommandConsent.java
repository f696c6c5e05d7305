package dev.opkit.conformance.consent;

import dev.opkit.client.interaction.FinishRedirect;
import dev.opkit.client.interaction.HeadlessInteraction.Decision;
import dev.opkit.client.interaction.Interaction;
import dev.opkit.client.interaction.InteractionResult;
import dev.opkit.conformance.events.ScenarioRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Consent by the operator's command ({@code opkit.consent.command}), e.g. a script that drives the
 * wallet's identity provider, so a CI job needs no person. The kit runs it with {@code sh -c}, in
 * the config file's directory, followed by three arguments: the consent URL ({@code
 * interact.redirect}), the decision ({@code accept} or {@code reject}) and this consent's finish
 * URI; the same in {@code OPKIT_CONSENT_URL}, {@code OPKIT_CONSENT_DECISION}, {@code
 * OPKIT_CONSENT_FINISH_URI}, and the scenario's name in {@code OPKIT_SCENARIO}. The wallet's finish
 * redirect reaches the kit either as a request to the finish URI (a browser the command drives
 * follows it) or as a line of the command's standard output that starts with the finish URI. A
 * command that exits with another status than 0 before the redirect arrives fails the consent with
 * its last lines of output; one that runs past the consent time-out is stopped.
 */
public final class CommandConsent implements Consent {
  private static final int LINES_KEPT = 20;
  private static final Duration STOP_GRACE = Duration.ofSeconds(2);

  private final String command;
  private final Path directory;
  private final FinishListener.Expected finish;
  private final ScenarioRef scenario;
  private final Duration timeout;

  /**
   * @param command the command line, run by {@code sh -c} in {@code directory} with the three
   *     arguments after it
   */
  public CommandConsent(
      String command,
      Path directory,
      FinishListener.Expected finish,
      ScenarioRef scenario,
      Duration timeout) {
    this.command = command;
    this.directory = directory;
    this.finish = finish;
    this.scenario = scenario;
    this.timeout = timeout;
  }

  @Override
  public String finishUri() {
    return finish.uri();
  }

  @Override
  public InteractionResult answer(Interaction interaction, Decision decision) {
    String decisionWord = Consent.word(decision);
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                "sh",
                "-c",
                command + " \"$@\"",
                "opkit-consent",
                interaction.redirect(),
                decisionWord,
                finish.uri()));
    builder.directory(directory.toFile());
    Map<String, String> environment = builder.environment();
    environment.put("OPKIT_CONSENT_URL", interaction.redirect());
    environment.put("OPKIT_CONSENT_DECISION", decisionWord);
    environment.put("OPKIT_CONSENT_FINISH_URI", finish.uri());
    environment.put("OPKIT_SCENARIO", scenario.name());
    builder.redirectErrorStream(true);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new ConsentFailure(
          "cannot run the consent command (opkit.consent.command) with sh in "
              + directory
              + ": "
              + e.getMessage(),
          e);
    }
    Deque<String> output = new ArrayDeque<>();
    Thread reader =
        new Thread(() -> read(process.getInputStream(), output), "opkit-consent-command");
    reader.setDaemon(true);
    reader.start();
    process
        .onExit()
        .thenAccept(
            exited -> {
              joinQuietly(reader);
              if (exited.exitValue() != 0) {
                finish.fail(
                    new ConsentFailure(
                        "the consent command (opkit.consent.command) exited with "
                            + exited.exitValue()
                            + " before the wallet's finish redirect arrived; its last output:\n"
                            + lastLines(output)));
              }
            });
    try {
      return finish.await(timeout);
    } finally {
      stop(process);
    }
  }

  private void read(InputStream stream, Deque<String> output) {
    String prefix = finish.uri();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        synchronized (output) {
          output.addLast(line);
          if (output.size() > LINES_KEPT) {
            output.removeFirst();
          }
        }
        String text = line.strip();
        if (text.equals(prefix) || text.startsWith(prefix + "?")) {
          finish.complete(FinishRedirect.read(URI.create(text)));
        }
      }
    } catch (IOException streamClosed) {
      // The command was stopped (time-out, or the redirect came): its output ends here.
    } catch (IllegalArgumentException notAUri) {
      finish.fail(
          new ConsentFailure(
              "the consent command printed a finish URI that is not a URI", notAUri));
    }
  }

  private static String lastLines(Deque<String> output) {
    synchronized (output) {
      return output.isEmpty() ? "(nothing)" : String.join("\n", output);
    }
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join(STOP_GRACE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the command and whatever it started, if it is still running. */
  private static void stop(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
