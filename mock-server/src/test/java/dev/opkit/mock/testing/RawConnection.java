package dev.opkit.mock.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One kept-alive HTTP/1.1 connection over a plain socket, for what an HTTP client hides: several
 * requests on the same connection, and any {@code Host} header. Reads each answer to its end
 * (Content-Length or chunked) so the next request can follow on the same socket.
 */
public final class RawConnection implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String authority;

  private RawConnection(Socket socket, String authority) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.authority = authority;
  }

  /** Opens a connection to the host and port of {@code origin}. */
  public static RawConnection open(String origin) throws IOException {
    URI uri = URI.create(origin);
    Socket socket = new Socket(uri.getHost(), uri.getPort());
    socket.setSoTimeout(10_000);
    return new RawConnection(socket, uri.getAuthority());
  }

  /** The {@code host:port} of the origin, the usual {@code Host} header value. */
  public String authority() {
    return authority;
  }

  /**
   * Sends a request and reads its answer.
   *
   * @param head the request line and headers, without the empty line that ends them
   * @param body the body, sent after the head (with its Content-Length added), or null
   */
  public Answer send(String head, String body) throws IOException {
    StringBuilder request = new StringBuilder(head);
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      request.append("\r\nContent-Length: ").append(bytes.length);
    }
    request.append("\r\n\r\n");
    out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
    return read(head.startsWith("HEAD "));
  }

  private Answer read(boolean head) throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("the server closed the connection without answering");
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(); header != null && !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      headers.put(
          header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          header.substring(colon + 1).trim());
    }
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    if (!head) {
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        for (int size = Integer.parseInt(line().trim(), 16); size > 0; ) {
          content.write(in.readNBytes(size));
          line();
          size = Integer.parseInt(line().trim(), 16);
        }
        line();
      } else if (headers.containsKey("content-length")) {
        content.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
      }
    }
    return new Answer(status, headers, content.toString(StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** An answer: status, headers (names in lower case) and body text. */
  public record Answer(int status, Map<String, String> headers, String body) {}
}
