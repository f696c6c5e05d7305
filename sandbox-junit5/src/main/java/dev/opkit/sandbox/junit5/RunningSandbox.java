package dev.opkit.sandbox.junit5;

import dev.opkit.mock.sandbox.AseConfig;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.mock.sandbox.WalletSeed;
import dev.opkit.sandbox.admin.NewWallet;
import dev.opkit.sandbox.admin.SandboxAdmin;
import dev.opkit.sandbox.admin.SandboxAdminException;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One in-process sandbox on free loopback ports, stopped when its JUnit store closes, after the
 * sessions it still has to delete.
 */
final class RunningSandbox implements AutoCloseable {
  private static final String FIRST_PROVIDER = "ase1";

  /** Deletes waiting at most; beyond them a test deletes its session itself. */
  private static final int MAX_PENDING_DELETES = 64;

  private static final long STOP_WAIT_SECONDS = 60;

  private final Sandbox sandbox;
  private final HttpClient http;
  private final SandboxAdmin admin;
  private final List<SandboxSettings.ProviderWallet> configuredWallets;
  private final ExecutorService deleter =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "sandbox-session-deleter");
            thread.setDaemon(true);
            return thread;
          });
  private final Semaphore pendingDeletes = new Semaphore(MAX_PENDING_DELETES);
  private final AtomicReference<RuntimeException> failedDelete = new AtomicReference<>();

  private RunningSandbox(Sandbox sandbox, HttpClient http) {
    this.sandbox = sandbox;
    this.http = http;
    this.admin = SandboxAdmin.connect(http, sandbox.ase(FIRST_PROVIDER).adminUrl(), null);
    this.configuredWallets = configuredWallets(sandbox.config());
  }

  static RunningSandbox start() {
    // The first HttpClient of a JVM sets up TLS (a quarter of a second idle, a second under load):
    // built on another thread while the servers start.
    CompletableFuture<HttpClient> http = CompletableFuture.supplyAsync(HttpClient::newHttpClient);
    Sandbox sandbox = Sandbox.create(SandboxConfig.defaults().ephemeral()).start();
    try {
      return new RunningSandbox(sandbox, http.join());
    } catch (RuntimeException e) {
      sandbox.stop();
      throw e;
    }
  }

  private static List<SandboxSettings.ProviderWallet> configuredWallets(SandboxConfig config) {
    List<SandboxSettings.ProviderWallet> wallets = new ArrayList<>();
    for (AseConfig ase : config.ases()) {
      for (WalletSeed seed : ase.wallets()) {
        wallets.add(
            new SandboxSettings.ProviderWallet(
                ase.name(),
                new NewWallet(
                    seed.name(),
                    seed.publicName(),
                    seed.assetCode(),
                    seed.assetScale(),
                    seed.balance(),
                    seed.keys())));
      }
    }
    return List.copyOf(wallets);
  }

  /** The admin API of the first provider: sessions are made there. */
  SandboxAdmin admin() {
    return admin;
  }

  HttpClient http() {
    return http;
  }

  /** The wallets a session starts with when it names none, per provider. */
  List<SandboxSettings.ProviderWallet> configuredWallets() {
    return configuredWallets;
  }

  /**
   * Deletes a finished session on a background thread (no test can reach it any more: sessions are
   * isolated by id); when many deletes wait already, or the sandbox is stopping, right here.
   */
  void deleteLater(String sessionId) {
    if (!pendingDeletes.tryAcquire()) {
      delete(sessionId);
      return;
    }
    try {
      deleter.execute(
          () -> {
            try {
              delete(sessionId);
            } catch (RuntimeException e) {
              failedDelete.compareAndSet(null, e);
            } finally {
              pendingDeletes.release();
            }
          });
    } catch (RejectedExecutionException stopping) {
      pendingDeletes.release();
      delete(sessionId);
    }
  }

  private void delete(String sessionId) {
    try {
      admin.deleteSession(sessionId);
    } catch (SandboxAdminException e) {
      if (e.status() != 404) {
        throw e;
      }
    }
  }

  /**
   * Waits for the outstanding deletes, then stops the sandbox; a delete that failed is reported
   * here, so no session leaks unnoticed.
   */
  @Override
  public void close() {
    deleter.shutdown();
    try {
      boolean done = deleter.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
      if (!done) {
        throw new IllegalStateException(
            "the sandbox's sessions were not deleted within " + STOP_WAIT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      sandbox.stop();
    }
    RuntimeException failed = failedDelete.get();
    if (failed != null) {
      throw new IllegalStateException("a test's sandbox session could not be deleted", failed);
    }
  }
}
