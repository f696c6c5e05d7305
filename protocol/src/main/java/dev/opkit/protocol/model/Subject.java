package dev.opkit.protocol.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code subject} of a grant request or response (auth-server schema {@code subject}; RFC 9635
 * §2.2): the subject identifiers asked for or proven, {@code sub_ids} (the spec allows exactly
 * one).
 */
public record Subject(@JsonProperty("sub_ids") List<SubjectId> subIds) {
  public Subject {
    subIds = Fields.requiredList(subIds, "subject", "sub_ids");
  }

  /** A subject with one identifier. */
  public static Subject of(SubjectId id) {
    return new Subject(List.of(id));
  }
}
