package dev.opkit.mock.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;

/**
 * When the same signed request was first seen, for the journal.
 *
 * @param firstSeen when it first arrived (real time)
 * @param firstSequence its entry in the request journal
 */
@JsonPropertyOrder({"note", "firstSeen", "firstSequence"})
public record PossibleReplay(Instant firstSeen, long firstSequence) {
  public PossibleReplay {
    Objects.requireNonNull(firstSeen, "firstSeen");
  }

  /**
   * What it means, in words. Made when shown, not when recorded: every verified request records a
   * first sighting, and few of them are ever shown.
   */
  @JsonProperty("note")
  public String note() {
    return "possible replay: the same method, target URI, Signature-Input, Signature and body as"
        + " journal entry "
        + firstSequence
        + ", first seen at "
        + firstSeen
        + " (or a client that signs without a nonce sent the same request twice within a second)";
  }
}
