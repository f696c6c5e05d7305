package dev.opkit.mock.report;

import java.util.List;

/**
 * One rule the client under test is graded against, from what the sandbox saw of it (one check per
 * clause, in the spirit of the OpenID conformance suite's conditions).
 */
public interface ClientRule {
  String id();

  String title();

  String clause();

  /** {@code MUST} or {@code SHOULD}. */
  String level();

  /** The grade of the client's trail. */
  RuleResult grade(ClientTrail trail);

  /** A result of this rule. */
  default RuleResult result(Verdict verdict, String explanation, List<Evidence> evidence) {
    return new RuleResult(id(), title(), clause(), level(), verdict, explanation, evidence);
  }
}
