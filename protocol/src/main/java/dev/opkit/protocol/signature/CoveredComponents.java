package dev.opkit.protocol.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Open Payments rule on which components a request signature covers (Open Payments HTTP
 * signatures profile of RFC 9421). Signers cover {@code "@method" "@target-uri"}, then {@code
 * "authorization"} when the request has an Authorization header, then {@code "content-digest"
 * "content-length" "content-type"} when it has a body — the order the Node SDK uses. Verifiers
 * require {@code @method}, {@code @target-uri}, {@code authorization} when Authorization is present
 * and {@code content-digest} when a body is present, and every covered header to be present.
 */
public final class CoveredComponents {
  static final String AUTHORIZATION = "authorization";
  static final String CONTENT_DIGEST = "content-digest";
  static final String CONTENT_LENGTH = "content-length";
  static final String CONTENT_TYPE = "content-type";

  /** A rule a received signature breaks, with the reason code and a sentence naming the part. */
  public record Violation(SignatureFailure reason, String description) {}

  private CoveredComponents() {}

  /** The components a signer covers for {@code message}, in order. */
  public static List<String> forSigning(HttpMessage message) {
    List<String> components =
        new ArrayList<>(List.of(SignatureBase.METHOD, SignatureBase.TARGET_URI));
    if (message.hasHeader(AUTHORIZATION)) {
      components.add(AUTHORIZATION);
    }
    if (message.hasBody()) {
      components.addAll(List.of(CONTENT_DIGEST, CONTENT_LENGTH, CONTENT_TYPE));
    }
    return List.copyOf(components);
  }

  /**
   * The first rule that {@code covered} (from a received {@code Signature-Input}) breaks for {@code
   * message}, or empty when the coverage is acceptable.
   */
  public static Optional<Violation> checkReceived(List<String> covered, HttpMessage message) {
    for (String component : covered) {
      if (!component.equals(component.toLowerCase(Locale.ROOT))) {
        return violation(
            SignatureFailure.UNSUPPORTED_COMPONENT,
            "component \"" + component + "\" must be lower-case (RFC 9421 §2.1)");
      }
      if (component.startsWith("@") && !SignatureBase.DERIVED_COMPONENTS.contains(component)) {
        return violation(
            SignatureFailure.UNSUPPORTED_COMPONENT,
            "component \"" + component + "\" is not a derived component this server computes");
      }
    }
    for (String required : required(message)) {
      if (!covered.contains(required)) {
        return violation(
            SignatureFailure.COMPONENT_NOT_COVERED,
            "component \"" + required + "\" not covered" + whyRequired(required));
      }
    }
    for (String component : covered) {
      if (component.startsWith("@") || message.hasHeader(component)) {
        continue;
      }
      if (component.equals(CONTENT_DIGEST)) {
        return violation(
            SignatureFailure.DIGEST_MISSING,
            "component \"content-digest\" is covered but the Content-Digest header is missing");
      }
      return violation(
          SignatureFailure.COVERED_HEADER_MISSING,
          "component \"" + component + "\" is covered but the header is missing");
    }
    if (covered.contains(CONTENT_DIGEST)) {
      // Rafiki refuses a signed body unless all three content headers are sent.
      for (String header : List.of(CONTENT_LENGTH, CONTENT_TYPE)) {
        if (!message.hasHeader(header)) {
          return violation(
              SignatureFailure.BODY_HEADER_MISSING,
              "the "
                  + header
                  + " header is missing; a signed body needs Content-Digest, Content-Length and"
                  + " Content-Type (Rafiki rejects it otherwise)");
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> required(HttpMessage message) {
    List<String> required =
        new ArrayList<>(List.of(SignatureBase.METHOD, SignatureBase.TARGET_URI));
    if (message.hasHeader(AUTHORIZATION)) {
      required.add(AUTHORIZATION);
    }
    if (message.hasBody()) {
      required.add(CONTENT_DIGEST);
    }
    return required;
  }

  private static String whyRequired(String component) {
    return switch (component) {
      case AUTHORIZATION -> " although the request has an Authorization header";
      case CONTENT_DIGEST -> " although the request has a body";
      default -> "; Open Payments signatures must always cover it";
    };
  }

  private static Optional<Violation> violation(SignatureFailure reason, String description) {
    return Optional.of(new Violation(reason, description));
  }
}
