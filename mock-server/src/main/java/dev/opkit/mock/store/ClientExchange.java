package dev.opkit.mock.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One request of the client under test and the sandbox's answer (every request to the wallet
 * address, auth and resource servers, signed or not; never the admin API's), for the report card.
 *
 * @param sequence its number in the session's journal series, after the journal entry of its
 *     signature check
 * @param at when it arrived (real time)
 * @param ase the provider it reached
 * @param method the HTTP method
 * @param path the path as routed (without the session segment) and its query
 * @param operation the OpenAPI operation id it is, or {@code other}
 * @param status the status it was answered with, or 0 when the answer was dropped
 * @param errorCode the {@code error.code} of an error answer, or null
 * @param tokenTag the tag of its access or continuation token ({@link #tag}), or null
 * @param signed whether it carried a {@code Signature} header
 * @param detail what else the report needs of it ({@code poll} or {@code interact_ref} for a
 *     continuation), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientExchange(
    long sequence,
    Instant at,
    String ase,
    String method,
    String path,
    String operation,
    int status,
    String errorCode,
    String tokenTag,
    boolean signed,
    String detail) {

  public ClientExchange {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(operation, "operation");
  }

  /** A token's tag: its SHA-256's first 12 hex digits, so a report never shows the token. */
  public static String tag(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
