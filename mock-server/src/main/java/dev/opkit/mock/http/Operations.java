package dev.opkit.mock.http;

import java.util.List;

/**
 * Which operation of the three Open Payments APIs a request is, by method and routed path: the
 * OpenAPI operation ids, plus {@code interact} for the consent page; {@code other} for anything
 * else. The admin API and the dashboard are not the client's and have none ({@link #isClients}).
 */
public final class Operations {
  public static final String OTHER = "other";
  public static final String POST_REQUEST = "post-request";
  public static final String POST_CONTINUE = "post-continue";
  public static final String POST_TOKEN = "post-token";
  public static final String DELETE_CONTINUE = "delete-continue";
  public static final String DELETE_TOKEN = "delete-token";
  public static final String CREATE_OUTGOING_PAYMENT = "create-outgoing-payment";
  public static final String LIST_OUTGOING_PAYMENTS = "list-outgoing-payments";
  public static final String GET_OUTGOING_PAYMENT = "get-outgoing-payment";

  /** Every operation a misbehaviour can act on. */
  public static final List<String> ALL =
      List.of(
          "get-wallet-address",
          "get-wallet-address-keys",
          POST_REQUEST,
          POST_CONTINUE,
          DELETE_CONTINUE,
          POST_TOKEN,
          DELETE_TOKEN,
          "interact",
          "create-incoming-payment",
          "list-incoming-payments",
          "get-incoming-payment",
          "complete-incoming-payment",
          "create-quote",
          "get-quote",
          CREATE_OUTGOING_PAYMENT,
          LIST_OUTGOING_PAYMENTS,
          GET_OUTGOING_PAYMENT,
          "get-outgoing-payment-grant");

  private Operations() {}

  /** Whether a routed path is the client's (not the admin API's or the dashboard's). */
  public static boolean isClients(String path) {
    return !(path.equals("/")
        || path.equals("/admin")
        || path.startsWith("/admin/")
        || path.startsWith("/dashboard/"));
  }

  /** The request attribute holding a request's operation once it was worked out. */
  public static final String ATTRIBUTE = "opkit.operation";

  /** The operation of a request with this method and routed path (no query). */
  public static String of(String method, String path) {
    // One-character split takes String's fast path; a regex for the trailing slashes compiled a
    // pattern per call, twice per request (the misbehaviour rules and the exchange record).
    String[] parts = withoutTrailingSlashes(path).split("/", -1);
    // parts[0] is "" for the leading slash
    int n = parts.length - 1;
    if (n < 1) {
      return OTHER;
    }
    String first = parts[1];
    boolean get = method.equals("GET");
    boolean post = method.equals("POST");
    boolean delete = method.equals("DELETE");
    if (first.equals("auth")) {
      if (n == 1) {
        return post ? POST_REQUEST : OTHER;
      }
      String second = parts[2];
      if (second.equals("continue") && n == 3) {
        return post ? POST_CONTINUE : delete ? DELETE_CONTINUE : OTHER;
      }
      if (second.equals("token") && n == 3) {
        return post ? POST_TOKEN : delete ? DELETE_TOKEN : OTHER;
      }
      return second.equals("interact") ? "interact" : OTHER;
    }
    switch (first) {
      case "incoming-payments" -> {
        if (n == 1) {
          return post ? "create-incoming-payment" : get ? "list-incoming-payments" : OTHER;
        }
        if (n == 2 && get) {
          return "get-incoming-payment";
        }
        return n == 3 && post && parts[3].equals("complete") ? "complete-incoming-payment" : OTHER;
      }
      case "quotes" -> {
        return n == 1 && post ? "create-quote" : n == 2 && get ? "get-quote" : OTHER;
      }
      case "outgoing-payments" -> {
        if (n == 1) {
          return post ? CREATE_OUTGOING_PAYMENT : get ? LIST_OUTGOING_PAYMENTS : OTHER;
        }
        return n == 2 && get ? GET_OUTGOING_PAYMENT : OTHER;
      }
      case "outgoing-payment-grant" -> {
        return n == 1 && get ? "get-outgoing-payment-grant" : OTHER;
      }
      default -> {
        if (!get) {
          return OTHER;
        }
        if (n == 1) {
          return "get-wallet-address";
        }
        return n == 2 && parts[2].equals("jwks.json") ? "get-wallet-address-keys" : OTHER;
      }
    }
  }

  private static String withoutTrailingSlashes(String path) {
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(0, end);
  }
}
