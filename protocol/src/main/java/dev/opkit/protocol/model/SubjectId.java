package dev.opkit.protocol.model;

/**
 * A subject identifier, {@code {"id": url, "format": "uri"}} (auth-server schema {@code subject}).
 */
public record SubjectId(String id, String format) {
  /** The only format Open Payments defines. */
  public static final String URI = "uri";

  public SubjectId {
    Fields.required(id, "subject.sub_ids[]", "id");
    Fields.required(format, "subject.sub_ids[]", "format");
  }

  /** A wallet address URL as a subject identifier. */
  public static SubjectId uri(String id) {
    return new SubjectId(id, URI);
  }
}
