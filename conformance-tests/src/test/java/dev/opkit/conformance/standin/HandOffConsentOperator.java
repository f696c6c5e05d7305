package dev.opkit.conformance.standin;

import dev.opkit.client.interaction.HeadlessInteraction;
import dev.opkit.client.interaction.Interaction;
import dev.opkit.client.interaction.InteractionResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A test double for an operator's tooling behind {@code opkit.consent.command}, when this project's
 * sandbox stands in for a real wallet: the {@link #command()} only appends its three arguments (the
 * consent URL, {@code accept} or {@code reject}, the finish URI) to a file, with {@code sh} and
 * {@code printf} alone, so a consent costs milliseconds rather than a JVM's start; the operator
 * follows that file, answers each consent page headlessly and then sends the "browser" back to the
 * kit's finish URI, as a browser driven by the operator's tooling would.
 */
public final class HandOffConsentOperator implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(20);

  private final Path inbox;
  private final ScheduledExecutorService follower =
      Executors.newSingleThreadScheduledExecutor(daemon("opkit-test-operator"));
  private final ExecutorService workers = Executors.newCachedThreadPool(daemon("opkit-test-user"));
  private final HttpClient browser = HttpClient.newHttpClient();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private long read;

  private HandOffConsentOperator(Path inbox) {
    this.inbox = inbox;
  }

  /** Starts following a new inbox file in {@code directory}. */
  public static HandOffConsentOperator start(Path directory) {
    try {
      Path inbox = Files.createTempFile(directory, "consents", ".txt");
      HandOffConsentOperator operator = new HandOffConsentOperator(inbox);
      operator.follower.scheduleWithFixedDelay(
          operator::follow, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
      return operator;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value of {@code opkit.consent.command}: the kit runs it with its three arguments. */
  public String command() {
    return "handoff() { printf '%s %s %s\\n' \"$1\" \"$2\" \"$3\" >> '" + inbox + "'; }; handoff";
  }

  /** What went wrong answering consents, if anything. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  private void follow() {
    try (FileChannel channel = FileChannel.open(inbox, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size <= read) {
        return;
      }
      ByteBuffer bytes = ByteBuffer.allocate((int) (size - read));
      channel.read(bytes, read);
      String text = new String(bytes.array(), StandardCharsets.UTF_8);
      int complete = text.lastIndexOf('\n') + 1;
      read += text.substring(0, complete).getBytes(StandardCharsets.UTF_8).length;
      for (String line : text.substring(0, complete).split("\n")) {
        if (!line.isBlank()) {
          workers.execute(() -> answer(line.strip()));
        }
      }
    } catch (IOException e) {
      problems.add("cannot read " + inbox + ": " + e);
    }
  }

  private void answer(String line) {
    String[] parts = line.split(" ");
    try {
      String page = parts[0];
      HeadlessInteraction.Decision decision =
          HeadlessInteraction.Decision.valueOf(parts[1].toUpperCase(Locale.ROOT));
      String finishUri = parts[2];
      InteractionResult result =
          new HeadlessInteraction(finishUri, decision, Duration.ofSeconds(20))
              .interact(new Interaction(page, finishUri, "-", "-", "-"));
      HttpResponse<Void> back =
          browser.send(
              HttpRequest.newBuilder(URI.create(finishUri + "?" + query(result))).build(),
              HttpResponse.BodyHandlers.discarding());
      if (back.statusCode() != 200) {
        problems.add("the kit's finish URI answered " + back.statusCode() + " for " + line);
      }
    } catch (RuntimeException | IOException e) {
      problems.add("cannot answer " + line + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String query(InteractionResult result) {
    if (result instanceof InteractionResult.Approved approved) {
      return "hash=" + encode(approved.hash()) + "&interact_ref=" + encode(approved.interactRef());
    }
    if (result instanceof InteractionResult.Refused refused) {
      return "result="
          + encode(refused.result() == null ? "" : refused.result())
          + (refused.message() == null ? "" : "&message=" + encode(refused.message()));
    }
    return "result=timed_out";
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    follower.shutdownNow();
    workers.shutdownNow();
  }
}
