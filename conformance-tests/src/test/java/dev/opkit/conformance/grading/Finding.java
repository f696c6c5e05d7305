package dev.opkit.conformance.grading;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * Something a scenario observed that is not a broken MUST: a known divergence, an unmet SHOULD, or
 * a note on which of several allowed answers the wallet chose. Divergences and unmet SHOULDs make a
 * passed scenario divergent; notes do not change its grade.
 *
 * @param kind what it is
 * @param title a short name, e.g. {@code finish hash in standard base64 with padding}
 * @param specification what the specification says (a divergence's or SHOULD's rule), or null
 * @param implementations who does it differently (divergences only), or null
 * @param observed what the wallet did
 */
public record Finding(
    Kind kind, String title, String specification, String implementations, String observed) {

  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(observed, "observed");
  }

  /** What a finding is. */
  public enum Kind {
    /**
     * The wallet does it the way a known implementation does, not as the specification words it.
     */
    DIVERGENCE,
    /** A SHOULD of the specification was not met. */
    SHOULD,
    /** Which of the answers the specification allows the wallet gave; not a divergence. */
    NOTE
  }

  /** A known divergence, as observed. */
  public static Finding divergence(KnownDivergence known, String observed) {
    return new Finding(
        Kind.DIVERGENCE, known.title(), known.specification(), known.implementations(), observed);
  }

  /** An unmet SHOULD. */
  public static Finding should(String rule, String observed) {
    return new Finding(Kind.SHOULD, "SHOULD not met: " + rule, rule, null, observed);
  }

  /** A note on an allowed answer. */
  public static Finding note(String title, String observed) {
    return new Finding(Kind.NOTE, title, null, null, observed);
  }

  /** Whether this finding makes a passed scenario divergent. */
  @JsonIgnore
  public boolean divergent() {
    return kind != Kind.NOTE;
  }

  /** The details as lines of text: the specification's words, who differs, what was observed. */
  @JsonIgnore
  public String details() {
    StringBuilder text = new StringBuilder();
    if (kind == Kind.DIVERGENCE && specification != null) {
      text.append("specification: ").append(specification).append('\n');
    }
    if (implementations != null) {
      text.append("as done by: ").append(implementations).append('\n');
    }
    return text.append("observed: ").append(observed).toString();
  }
}
