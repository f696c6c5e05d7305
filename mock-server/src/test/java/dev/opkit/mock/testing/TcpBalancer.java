package dev.opkit.mock.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer on loopback in front of several sandbox nodes: every TCP connection goes, bytes
 * unchanged, to the next node in turn, or to the one it is pinned to. The nodes' public URL is the
 * balancer's, so what a client signs is what every node checks.
 */
public final class TcpBalancer implements AutoCloseable {
  private final ServerSocket server;
  private final ExecutorService pumps = Executors.newCachedThreadPool();
  private final AtomicInteger next = new AtomicInteger();
  private volatile List<InetSocketAddress> nodes = List.of();
  private volatile int pinned = -1;
  private final List<AtomicInteger> served =
      java.util.stream.Stream.generate(AtomicInteger::new).limit(16).toList();

  public TcpBalancer() throws IOException {
    server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    pumps.execute(this::accept);
  }

  /** The balancer's origin, e.g. {@code http://127.0.0.1:40123}. */
  public String origin() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** The nodes behind it, in order. */
  public void nodes(List<InetSocketAddress> addresses) {
    nodes = List.copyOf(addresses);
  }

  /** How many connections went to each node so far. */
  public List<Integer> connectionsPerNode() {
    return served.subList(0, nodes.size()).stream().map(AtomicInteger::get).toList();
  }

  /** Sends every new connection to node {@code index}; -1 goes back to taking turns. */
  public void pin(int index) {
    pinned = index;
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        if (server.isClosed()) {
          return;
        }
        continue;
      }
      try {
        List<InetSocketAddress> targets = nodes;
        int index = pinned >= 0 ? pinned : Math.floorMod(next.getAndIncrement(), targets.size());
        Socket node = new Socket(targets.get(index).getAddress(), targets.get(index).getPort());
        served.get(index).incrementAndGet();
        pumps.execute(() -> pump(client, node));
        pumps.execute(() -> pump(node, client));
      } catch (IOException | RuntimeException deadNode) {
        // The node is gone (killed, stopped): the client sees its connection closed at once
        // rather than waiting, unanswered, until the socket is collected.
        close(client);
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException closed) {
      // One side hung up: the other follows.
    } finally {
      try {
        to.shutdownOutput();
      } catch (IOException ignored) {
        // Already closed.
      }
      if (from.isInputShutdown() || to.isClosed()) {
        close(from);
      }
    }
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
    pumps.shutdownNow();
  }
}
