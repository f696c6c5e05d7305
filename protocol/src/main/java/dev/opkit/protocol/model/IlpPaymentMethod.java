package dev.opkit.protocol.model;

/**
 * How to pay into an incoming payment over Interledger (resource-server schema {@code
 * ilp-payment-method}): {@code type} {@code ilp}, the STREAM {@code ilpAddress} and the base64url
 * {@code sharedSecret}.
 */
public record IlpPaymentMethod(String type, String ilpAddress, String sharedSecret) {
  /** The method type Open Payments defines. */
  public static final String ILP = "ilp";

  public IlpPaymentMethod {
    Fields.required(type, "payment method", "type");
    Fields.required(ilpAddress, "payment method", "ilpAddress");
    Fields.required(sharedSecret, "payment method", "sharedSecret");
  }

  /** {@code {"type":"ilp","ilpAddress":…,"sharedSecret":…}}. */
  public static IlpPaymentMethod ilp(String ilpAddress, String sharedSecret) {
    return new IlpPaymentMethod(ILP, ilpAddress, sharedSecret);
  }
}
