package dev.opkit.mock.auth.client;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body up to a number of bytes and hangs up past it, so that a client's key server
 * answering without end costs the sandbox that many bytes of memory and traffic, not more. A body
 * whose {@code Content-Length} says it is longer, or an answer other than 200, is not read at all.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
  private final int maxBytes;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  private CappedBody(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** A body handler that reads at most {@code maxBytes} of a 200 answer, and nothing of others. */
  static HttpResponse.BodyHandler<byte[]> handler(int maxBytes) {
    return info -> {
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (info.statusCode() != 200) {
        return HttpResponse.BodySubscribers.replacing(new byte[0]);
      }
      if (declared > maxBytes) {
        return tooLong(maxBytes);
      }
      return new CappedBody(maxBytes);
    };
  }

  private static HttpResponse.BodySubscriber<byte[]> tooLong(int maxBytes) {
    CappedBody body = new CappedBody(maxBytes);
    body.result.completeExceptionally(new BodyTooLong(maxBytes));
    return body;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription value) {
    subscription = value;
    if (result.isDone()) {
      value.cancel();
    } else {
      value.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      if (received.size() + buffer.remaining() > maxBytes) {
        subscription.cancel();
        result.completeExceptionally(new BodyTooLong(maxBytes));
        return;
      }
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      received.writeBytes(bytes);
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(received.toByteArray());
  }

  /** The body is longer than the sandbox reads. */
  static final class BodyTooLong extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLong(int maxBytes) {
      super("the answer is longer than " + maxBytes + " bytes, the most this sandbox reads");
    }
  }
}
