package dev.opkit.protocol.model;

/**
 * How the AS tells the client an interaction has finished (auth-server {@code
 * interact-request.finish}; RFC 9635 §2.5.2): {@code method} ({@code redirect}), the client's
 * {@code uri} to send the user back to, and the client's {@code nonce} for the finish hash.
 */
public record InteractFinish(String method, String uri, String nonce) {
  /** The only finish method Open Payments defines. */
  public static final String REDIRECT = "redirect";

  public InteractFinish {
    Fields.required(method, "interact.finish", "method");
    Fields.required(uri, "interact.finish", "uri");
    Fields.required(nonce, "interact.finish", "nonce");
  }

  /** {@code {"method":"redirect","uri":uri,"nonce":nonce}}. */
  public static InteractFinish redirect(String uri, String nonce) {
    return new InteractFinish(REDIRECT, uri, nonce);
  }
}
