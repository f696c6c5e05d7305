package dev.opkit.mock.robustness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client will not send: a body larger than the
 * server takes without uploading it, or a request cut off in the middle.
 */
final class RawHttp {
  private RawHttp() {}

  /**
   * Sends {@code head} (request line and headers, CRLF-terminated, ending with an empty line) and
   * {@code body}, then reads until the server closes or {@code timeoutMillis} passes.
   *
   * @return what the server answered (may be empty when it just closed)
   */
  static String exchange(URI origin, String head, byte[] body, int timeoutMillis)
      throws IOException {
    try (Socket socket = new Socket(origin.getHost(), origin.getPort())) {
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return readAll(socket.getInputStream());
    }
  }

  /** Sends {@code head} and part of a body, then closes the connection without reading. */
  static void abandon(URI origin, String head, byte[] partialBody) throws IOException {
    try (Socket socket = new Socket(origin.getHost(), origin.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(partialBody);
      out.flush();
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        received.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      // The answer is what arrived in time; the caller judges it.
    }
    return received.toString(StandardCharsets.UTF_8);
  }
}
