package dev.opkit.conformance.grading;

/**
 * A way deployed wallets differ from the Open Payments specification, named once so that the kit
 * grades it as a divergence instead of a failure (PROTOCOL.md §9, §10).
 */
public enum KnownDivergence {
  FINISH_HASH_STANDARD_BASE64(
      "finish hash in standard base64 with padding",
      "RFC 9635 §4.2.3 (and the Open Payments docs' example) encode the interaction hash in"
          + " base64url without padding",
      "Rafiki, and the docs' JavaScript snippet"),
  INTERVAL_N_PLUS_ONE_WINDOWS(
      "R<n> allows n+1 intervals",
      "an ISO 8601 repeating interval R<n>/start/duration has n intervals; the guide reads R3 as"
          + " three months",
      "Rafiki"),
  INACTIVE_TOKEN_403(
      "403 for an expired, revoked or rotated token",
      "a token that is no longer valid is answered 401, so the client knows to get a new one"
          + " (RFC 9635 §7.2 as the resource-server spec's 401 describes it)",
      "Rafiki"),
  UNKNOWN_RESOURCE_401(
      "401 for a resource that does not exist",
      "the resource-server spec answers 404 for an id it does not know",
      "Rafiki, which looks the resource up before it checks the token"),
  GRANT_SPENT_BEFORE_PAYMENT(
      "grantSpent amounts leave out the new payment",
      "the resource-server spec's example reports what the grant has spent including the payment"
          + " just created",
      "Rafiki, which reports what was spent before it");

  private final String title;
  private final String specification;
  private final String implementations;

  KnownDivergence(String title, String specification, String implementations) {
    this.title = title;
    this.specification = specification;
    this.implementations = implementations;
  }

  /** A short name, e.g. {@code R<n> allows n+1 intervals}. */
  public String title() {
    return title;
  }

  /** What the specification says. */
  public String specification() {
    return specification;
  }

  /** Who does it differently. */
  public String implementations() {
    return implementations;
  }
}
