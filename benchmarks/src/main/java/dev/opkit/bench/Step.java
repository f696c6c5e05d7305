package dev.opkit.bench;

/**
 * The requests the benchmark times, as its report names them: the guide's journey (Open Payments
 * "Make recurring payments"), the scaling measurements and the plain baseline.
 */
enum Step {
  INCOMING_GRANT("POST /auth", "incoming-payment grant", true),
  INCOMING_PAYMENT("POST /incoming-payments", "create incoming payment", true),
  QUOTE_GRANT("POST /auth", "quote grant", true),
  QUOTE("POST /quotes", "create quote", true),
  OUTGOING_GRANT("POST /auth", "outgoing-payment grant (interactive)", true),
  INTERACTION("GET /auth/interact/…", "consent page, auto-accepted", false),
  CONTINUE("POST /auth/continue/…", "continue with interact_ref", true),
  OUTGOING_PAYMENT("POST /outgoing-payments", "create outgoing payment", true),
  ROTATE("POST /auth/token/…", "rotate access token", true),
  GET_INCOMING("GET /incoming-payments/…", "get incoming payment", true),
  LIST_INCOMING("GET /incoming-payments?…", "list incoming payments, first page", true),
  GET_OUTGOING("GET /outgoing-payments/…", "get outgoing payment", true),
  LIST_OUTGOING("GET /outgoing-payments?…", "list outgoing payments, first page", true),
  PLAIN("POST /plain", "plain endpoint: read JSON, answer 200", true);

  private final String request;
  private final String what;
  private final boolean signed;

  Step(String request, String what, boolean signed) {
    this.request = request;
    this.what = what;
    this.signed = signed;
  }

  /** Method and path, e.g. {@code POST /quotes}. */
  String request() {
    return request;
  }

  /** What the request does, in words. */
  String what() {
    return what;
  }

  /** Whether the client signs it (RFC 9421) and the server verifies the signature. */
  boolean signed() {
    return signed;
  }
}
