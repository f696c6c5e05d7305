package dev.opkit.mock.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.protocol.gnap.GnapErrorCode;
import dev.opkit.protocol.gnap.HashEncoding;
import dev.opkit.protocol.interval.WindowCounting;
import dev.opkit.protocol.json.Json;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * What the sandbox emits where the specification and deployed wallets disagree (PROTOCOL.md §10).
 * Each divergence is one named switch; a profile is a named set of switches, and configuration may
 * override single switches. What the sandbox <em>accepts</em> is not a switch: it is always the
 * strictest of the two.
 *
 * @param name the profile's name as configured, e.g. {@code rafiki}
 * @param finishHashEncoding encoding of the interaction finish {@code hash}
 * @param windowCounting whether {@code R<n>} yields n windows (spec) or n+1 (Rafiki)
 * @param inactiveTokenStatus status for an unknown, expired, revoked or rotated-away token
 * @param unknownResourceStatus status for a resource id the server does not know
 * @param resourceErrorCodes what the resource server puts in {@code error.code}
 * @param grantSpentIncludesPayment whether {@code grantSpent*} on a new payment includes it
 * @param rotateExpiredTokens whether an expired access token may still be rotated (RFC 9635 §6.1
 *     describes rotation as the way to refresh an expired token, and Rafiki allows it: both presets
 *     say yes; turn it off to test a client's handling of a refused rotation)
 * @param continueWait the {@code wait} a pending grant asks the client to respect
 * @param tokenLifetime the access token lifetime, reported as {@code expires_in}
 * @param deleteUnpaidExpiredIncomingPayments whether an incoming payment that expires without
 *     having received anything is deleted (Rafiki: later reads answer as for an unknown id, lists
 *     leave it out, no event) or kept, readable as expired (the specification says nothing of
 *     deleting it)
 * @param webhookBody what a webhook POSTs around the event's {@code data}
 * @param missingInteractRefCode the 401 code for a continuation whose body is neither empty nor
 *     carries an {@code interact_ref}: {@code invalid_request} (Rafiki, a pairing the spec does not
 *     list) or {@code request_denied} (one of the spec's 401 codes)
 * @param missingSignatureStatus status for a resource-server request without the {@code
 *     Signature}/{@code Signature-Input} headers its operation requires: 400 (Rafiki refuses at
 *     request validation, before looking at the token) or 401 (refused as unauthenticated)
 * @param rafikiSchemaErrors whether a request that breaks its operation's schema is answered as
 *     Rafiki's validator does: {@code "Received error validating OpenAPI request: …"}, without
 *     {@code code} on the auth server and with the status as {@code code} on the resource server
 * @param refuseReplays whether a signed request seen before byte for byte, within its validity, is
 *     refused with 401 {@code invalid_client} (RFC 9421 §7.2.2); off in both presets, since
 *     deployed wallets accept replays and a client that signs without a nonce (the official SDKs)
 *     sends identical bytes for two identical requests in one second. Either way the request
 *     journal marks it as a possible replay
 */
public record BehaviourProfile(
    String name,
    HashEncoding finishHashEncoding,
    WindowCounting windowCounting,
    int inactiveTokenStatus,
    int unknownResourceStatus,
    ResourceErrorCodes resourceErrorCodes,
    boolean grantSpentIncludesPayment,
    boolean rotateExpiredTokens,
    Duration continueWait,
    Duration tokenLifetime,
    boolean deleteUnpaidExpiredIncomingPayments,
    WebhookBody webhookBody,
    GnapErrorCode missingInteractRefCode,
    int missingSignatureStatus,
    boolean rafikiSchemaErrors,
    boolean refuseReplays) {

  /** Refuses switch values outside the choices each divergence point has. */
  public BehaviourProfile {
    requireOneOf("missingSignatureStatus", missingSignatureStatus, 400, 401);
    if (missingInteractRefCode != GnapErrorCode.INVALID_REQUEST
        && missingInteractRefCode != GnapErrorCode.REQUEST_DENIED) {
      throw new IllegalArgumentException(
          "missingInteractRefCode must be invalid_request or request_denied, got "
              + missingInteractRefCode);
    }
  }

  /** What deployed wallets (Rafiki) do today. */
  public static final BehaviourProfile RAFIKI =
      new BehaviourProfile(
          "rafiki",
          HashEncoding.STANDARD_PADDED,
          WindowCounting.RAFIKI_N_PLUS_ONE,
          403,
          401,
          ResourceErrorCodes.HTTP_STATUS,
          false,
          true,
          Duration.ofSeconds(5),
          Duration.ofSeconds(600),
          true,
          WebhookBody.ID_TYPE_DATA,
          GnapErrorCode.INVALID_REQUEST,
          400,
          false,
          false);

  /** The specification and RFC 9635 read literally. */
  public static final BehaviourProfile STRICT =
      new BehaviourProfile(
          "strict",
          HashEncoding.URL_UNPADDED,
          WindowCounting.SPEC_N,
          401,
          404,
          ResourceErrorCodes.NAMED,
          true,
          true,
          Duration.ofSeconds(5),
          Duration.ofSeconds(600),
          false,
          WebhookBody.WITH_CREATED_AT_AND_ASE,
          GnapErrorCode.REQUEST_DENIED,
          401,
          false,
          false);

  /** How the resource server fills {@code error.code}. */
  public enum ResourceErrorCodes {
    /** The HTTP status as a string, e.g. {@code "403"} (Rafiki). */
    HTTP_STATUS,
    /** A snake_case name such as {@code invalid_request} (the specification's examples). */
    NAMED
  }

  /**
   * The members of a webhook body. The specification has no webhooks; Rafiki's webhook schema
   * allows exactly {@code id}, {@code type} and {@code data}.
   */
  public enum WebhookBody {
    /** {@code {id, type, data}}, as Rafiki sends it. */
    ID_TYPE_DATA,
    /** {@code {id, type, createdAt, ase, data}}: also when it happened and at which provider. */
    WITH_CREATED_AT_AND_ASE
  }

  /** The preset with this name, case-insensitive. */
  public static BehaviourProfile named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "rafiki" -> RAFIKI;
      case "strict" -> STRICT;
      default ->
          throw new IllegalArgumentException(
              "unknown behaviour profile '" + name + "': use rafiki or strict");
    };
  }

  /**
   * This profile with single switches replaced, e.g. {@code {"finishHashEncoding":
   * "URL_UNPADDED"}}. Unknown switch names and bad values are refused with a message naming them.
   */
  public BehaviourProfile withOverrides(Map<String, ?> overrides) {
    if (overrides == null || overrides.isEmpty()) {
      return this;
    }
    ObjectMapper mapper = Json.mapper();
    ObjectNode fields = mapper.valueToTree(this);
    ObjectNode changes = mapper.valueToTree(overrides);
    for (Iterator<String> names = changes.fieldNames(); names.hasNext(); ) {
      String switchName = names.next();
      if (!fields.has(switchName) || "name".equals(switchName)) {
        throw new IllegalArgumentException(
            "unknown profile switch '" + switchName + "'; known switches: " + switchNames());
      }
      fields.set(switchName, changes.get(switchName));
    }
    try {
      return mapper.treeToValue(fields, BehaviourProfile.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "bad profile override " + changes + ": " + e.getMessage(), e);
    }
  }

  private static void requireOneOf(String name, int value, int first, int second) {
    if (value != first && value != second) {
      throw new IllegalArgumentException(
          name + " must be " + first + " or " + second + ", got " + value);
    }
  }

  /** The names of every switch, in declaration order. */
  public static java.util.List<String> switchNames() {
    return java.util.Arrays.stream(BehaviourProfile.class.getRecordComponents())
        .map(java.lang.reflect.RecordComponent::getName)
        .filter(n -> !"name".equals(n))
        .toList();
  }
}
