package dev.opkit.client.interaction;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;

/** Opens a URL in the user's browser when the platform allows; never required to succeed. */
@FunctionalInterface
public interface BrowserOpener {
  /** An opener that never opens anything (the URL is still printed). */
  BrowserOpener NONE = uri -> false;

  /** Tries to open {@code uri}; returns whether a browser was asked to show it. */
  boolean open(URI uri);

  /** {@link java.awt.Desktop#browse} when a desktop with a browser is available. */
  static BrowserOpener desktop() {
    return uri -> {
      try {
        if (GraphicsEnvironment.isHeadless()
            || !Desktop.isDesktopSupported()
            || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
          return false;
        }
        Desktop.getDesktop().browse(uri);
        return true;
      } catch (Exception | LinkageError e) {
        // No usable desktop (a server, a container, a missing native library): the URL is printed.
        return false;
      }
    };
  }
}
