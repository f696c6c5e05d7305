package dev.opkit.mock.session;

import dev.opkit.mock.http.RequestPaths;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Takes the session segment out of a request's path before the routes see it (see {@link
 * SessionPath}), keeping the path as sent for signatures and messages ({@link RequestPaths}) and
 * the session for {@link SessionRouting}. Requests of the default session pass untouched.
 */
public final class SessionPathFilter implements Filter {
  /** The request attribute holding the request's {@link SessionPath}, when it names a session. */
  public static final String ATTRIBUTE = "dev.opkit.mock.sessionPath";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http)) {
      chain.doFilter(request, response);
      return;
    }
    String sent = http.getRequestURI();
    SessionPath path = SessionPath.of(sent);
    if (!path.namesSession()) {
      chain.doFilter(request, response);
      return;
    }
    http.setAttribute(ATTRIBUTE, path);
    http.setAttribute(RequestPaths.SENT_PATH, sent);
    chain.doFilter(new Routed(http, path.innerPath()), response);
  }

  /** The request as the routes see it: the path without the session segment. */
  private static final class Routed extends HttpServletRequestWrapper {
    private final String path;

    Routed(HttpServletRequest request, String path) {
      super(request);
      this.path = path;
    }

    @Override
    public String getRequestURI() {
      return path;
    }

    @Override
    public String getPathInfo() {
      return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public StringBuffer getRequestURL() {
      StringBuffer url = super.getRequestURL();
      String sent = super.getRequestURI();
      int at = url.lastIndexOf(sent);
      return at < 0 ? url : new StringBuffer(url.substring(0, at)).append(path);
    }
  }
}
