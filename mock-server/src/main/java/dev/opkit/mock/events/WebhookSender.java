package dev.opkit.mock.events;

import dev.opkit.protocol.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs events as JSON to a configured URL, as Rafiki does for its wallet providers. Delivery is
 * asynchronous and best effort (one attempt, logged on failure), so a slow or absent receiver never
 * delays a request.
 */
public final class WebhookSender implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final URI target;
  private final ExecutorService executor;
  private final HttpClient client;

  public WebhookSender(URI target) {
    this.target = target;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "sandbox-webhooks");
              thread.setDaemon(true);
              return thread;
            });
    this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).executor(executor).build();
  }

  /** Sends the event in the background. */
  public void deliver(Event event) {
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(event.webhookBody())))
            .build();
    client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, failure) -> {
              if (failure != null) {
                LOG.warn(
                    "webhook {} to {} failed: {}",
                    event.type().wireName(),
                    target,
                    failure.toString());
              } else if (response.statusCode() >= 300) {
                LOG.warn(
                    "webhook {} to {} answered {}",
                    event.type().wireName(),
                    target,
                    response.statusCode());
              }
            });
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
