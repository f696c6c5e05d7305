package dev.opkit.mock.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One time a misbehaviour acted, kept in the session's journal for the report card: what it did,
 * when, and to what.
 *
 * @param sequence its number in the session's journal series (journal entries and exchanges share
 *     it, so the order of everything is the order of the numbers)
 * @param at when (real time)
 * @param ase the provider that misbehaved
 * @param misbehaviour the misbehaviour's id
 * @param kind what it did
 * @param operation the operation of the request it acted on, or null
 * @param grant the grant it acted on, or null
 * @param continueId the continuation id of that grant, or null
 * @param tokenTags the tags ({@link ClientExchange#tokenTag}) of the tokens it ended, or empty
 * @param retryAfter the {@code Retry-After} it answered with, or null
 * @param waitTime the {@code wait} it gave, or null
 * @param keyId the kid a {@code client-key-rotated} removed from the client's JWKS, or null
 * @param keysLeft how many keys that JWKS lists after the removal, or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MisbehaviourFiring(
    long sequence,
    Instant at,
    String ase,
    String misbehaviour,
    MisbehaviourKind kind,
    String operation,
    String grant,
    String continueId,
    List<String> tokenTags,
    Duration retryAfter,
    @JsonProperty("wait") Duration waitTime,
    String keyId,
    Integer keysLeft) {

  @JsonCreator
  public MisbehaviourFiring {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(ase, "ase");
    Objects.requireNonNull(kind, "kind");
    tokenTags = tokenTags == null ? List.of() : List.copyOf(tokenTags);
  }
}
