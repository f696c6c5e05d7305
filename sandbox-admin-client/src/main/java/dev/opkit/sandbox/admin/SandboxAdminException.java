package dev.opkit.sandbox.admin;

/**
 * The admin API answered a status other than 2xx: carries the status and the JSON error it sent
 * ({@code {"error": {"code": …, "description": …}}}), or the raw body when it sent none.
 */
public final class SandboxAdminException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String description;
  private final String body;

  SandboxAdminException(
      String method, String url, int status, String code, String description, String body) {
    super(
        method
            + " "
            + url
            + " answered "
            + status
            + (code == null ? ": " + body : " " + code + ": " + description));
    this.status = status;
    this.code = code;
    this.description = description;
    this.body = body;
  }

  /** The HTTP status, e.g. 404. */
  public int status() {
    return status;
  }

  /** The error's {@code code}, e.g. {@code not_found}; null when the body was no JSON error. */
  public String code() {
    return code;
  }

  /** The error's {@code description}; null when the body was no JSON error. */
  public String description() {
    return description;
  }

  /** The answer's body as sent. */
  public String body() {
    return body;
  }
}
