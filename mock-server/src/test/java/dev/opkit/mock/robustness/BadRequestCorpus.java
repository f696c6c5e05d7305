package dev.opkit.mock.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.protocol.json.CompactJson;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.signature.RequestSigner;
import dev.opkit.protocol.signature.SignedHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A seeded, reproducible corpus of requests every one of which the sandbox must refuse: for each
 * endpoint (wallet address, resource, auth and admin servers, the consent page) a defect that makes
 * it wrong — a body with a wrong type, a negative, fractional, oversized or non-numeric amount, an
 * invalid or foreign URL, an over-long string, an unknown field, text that is not JSON or nests too
 * deep; a missing, truncated or garbled {@code Signature}, {@code Signature-Input} or {@code
 * Content-Digest}; a body changed after signing; a signature too old or by an unknown key; a
 * malformed Authorization; a wrong Content-Type; bad paths and query parameters; unknown methods.
 * Valid parts are real: requests are signed by a registered client key and carry live tokens, so
 * the defect, not a missing credential, is what the server must catch.
 */
final class BadRequestCorpus {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String LONG = "x".repeat(100_000);

  /** What the corpus is built from: the sandbox's URLs, a client's keys and live credentials. */
  record Context(
      String ase1,
      String ase2,
      String client,
      RequestSigner signer,
      RequestSigner unknownKey,
      RequestSigner oldSignature,
      String incomingToken,
      String quoteToken,
      String outgoingToken,
      String outgoingManage,
      String continueUri,
      String continueToken,
      String incomingPayment,
      String quote,
      String outgoingPayment) {}

  /** An endpoint and what a valid request to it would carry. */
  private record Target(
      String name,
      String method,
      String url,
      String token,
      Supplier<ObjectNode> body,
      List<Field> fields,
      boolean bodyIgnored,
      boolean closedSchema) {}

  /**
   * A body member the corpus may break, by JSON pointer, what kind of value it holds, and whether
   * the request is wrong without it.
   */
  private record Field(String pointer, Kind kind, boolean required) {
    Field(String pointer, Kind kind) {
      this(pointer, kind, false);
    }
  }

  private enum Kind {
    URL,
    AMOUNT,
    ASSET_CODE,
    ASSET_SCALE,
    TIME,
    TEXT,
    ARRAY,
    OBJECT
  }

  private final Context context;
  private final Random random;
  private final List<Target> signedTargets = new ArrayList<>();
  private final List<Target> readTargets = new ArrayList<>();

  BadRequestCorpus(Context context, long seed) {
    this.context = context;
    this.random = new Random(seed);
    String ase1 = context.ase1();
    String ase2 = context.ase2();
    String alice = ase1 + "/alice";
    String dave = ase2 + "/dave";
    signedTargets.add(
        new Target(
            "create incoming payment",
            "POST",
            ase2 + "/incoming-payments",
            context.incomingToken(),
            () -> {
              ObjectNode body = NODES.objectNode();
              body.put("walletAddress", dave);
              body.set("incomingAmount", usd("500"));
              return body;
            },
            List.of(
                new Field("/walletAddress", Kind.URL, true),
                new Field("/incomingAmount/value", Kind.AMOUNT),
                new Field("/incomingAmount/assetCode", Kind.ASSET_CODE),
                new Field("/incomingAmount/assetScale", Kind.ASSET_SCALE),
                new Field("/incomingAmount", Kind.OBJECT),
                new Field("/expiresAt", Kind.TIME)),
            false,
            true));
    signedTargets.add(
        new Target(
            "create quote",
            "POST",
            ase1 + "/quotes",
            context.quoteToken(),
            () -> {
              ObjectNode body = NODES.objectNode();
              body.put("walletAddress", alice);
              body.put("receiver", context.incomingPayment());
              body.put("method", "ilp");
              body.set("debitAmount", usd("100"));
              return body;
            },
            List.of(
                new Field("/walletAddress", Kind.URL, true),
                new Field("/receiver", Kind.URL, true),
                new Field("/method", Kind.TEXT, true),
                new Field("/debitAmount/value", Kind.AMOUNT),
                new Field("/debitAmount/assetCode", Kind.ASSET_CODE),
                new Field("/debitAmount/assetScale", Kind.ASSET_SCALE),
                new Field("/debitAmount", Kind.OBJECT)),
            false,
            true));
    signedTargets.add(
        new Target(
            "create outgoing payment",
            "POST",
            ase1 + "/outgoing-payments",
            context.outgoingToken(),
            () -> {
              ObjectNode body = NODES.objectNode();
              body.put("walletAddress", alice);
              body.put("incomingPayment", context.incomingPayment());
              body.set("debitAmount", usd("100"));
              return body;
            },
            List.of(
                new Field("/walletAddress", Kind.URL, true),
                new Field("/incomingPayment", Kind.URL, true),
                new Field("/debitAmount/value", Kind.AMOUNT),
                new Field("/debitAmount/assetCode", Kind.ASSET_CODE),
                new Field("/debitAmount/assetScale", Kind.ASSET_SCALE),
                new Field("/debitAmount", Kind.OBJECT)),
            false,
            true));
    signedTargets.add(
        new Target(
            "grant request",
            "POST",
            ase1 + "/auth",
            null,
            () -> {
              ObjectNode body = NODES.objectNode();
              ObjectNode item = body.putObject("access_token").putArray("access").addObject();
              item.put("type", "incoming-payment");
              item.putArray("actions").add("create").add("read");
              body.put("client", context.client());
              return body;
            },
            List.of(
                new Field("/client", Kind.URL, true),
                new Field("/access_token/access/0/type", Kind.TEXT),
                new Field("/access_token/access/0/actions", Kind.ARRAY),
                new Field("/access_token/access", Kind.ARRAY),
                new Field("/access_token", Kind.OBJECT, true)),
            false,
            false));
    signedTargets.add(
        new Target(
            "continue a finalized grant",
            "POST",
            context.continueUri(),
            context.continueToken(),
            () -> {
              ObjectNode body = NODES.objectNode();
              body.put("interact_ref", UUID.randomUUID().toString());
              return body;
            },
            List.of(new Field("/interact_ref", Kind.TEXT)),
            false,
            false));
    signedTargets.add(
        new Target(
            "rotate a token",
            "POST",
            context.outgoingManage(),
            context.outgoingToken(),
            NODES::objectNode,
            List.of(),
            true,
            false));
    readTargets.add(
        new Target(
            "get incoming payment",
            "GET",
            context.incomingPayment(),
            context.incomingToken(),
            null,
            List.of(),
            true,
            false));
    readTargets.add(
        new Target(
            "complete incoming payment",
            "POST",
            context.incomingPayment() + "/complete",
            context.incomingToken(),
            null,
            List.of(),
            true,
            false));
    readTargets.add(
        new Target(
            "list incoming payments",
            "GET",
            ase2 + "/incoming-payments?wallet-address=" + encoded(dave),
            context.incomingToken(),
            null,
            List.of(),
            true,
            false));
    readTargets.add(
        new Target(
            "get quote",
            "GET",
            context.quote(),
            context.quoteToken(),
            null,
            List.of(),
            true,
            false));
    readTargets.add(
        new Target(
            "get outgoing payment",
            "GET",
            context.outgoingPayment(),
            context.outgoingToken(),
            null,
            List.of(),
            true,
            false));
    readTargets.add(
        new Target(
            "list outgoing payments",
            "GET",
            ase1 + "/outgoing-payments?wallet-address=" + encoded(alice),
            context.outgoingToken(),
            null,
            List.of(),
            true,
            false));
    readTargets.add(
        new Target(
            "outgoing-payment grant spent",
            "GET",
            ase1 + "/outgoing-payment-grant",
            context.outgoingToken(),
            null,
            List.of(),
            true,
            false));
    readTargets.add(
        new Target(
            "revoke a token",
            "DELETE",
            context.outgoingManage(),
            context.outgoingToken(),
            null,
            List.of(),
            true,
            false));
    readTargets.add(
        new Target(
            "cancel a grant",
            "DELETE",
            context.continueUri(),
            context.continueToken(),
            null,
            List.of(),
            true,
            false));
  }

  /** {@code count} requests, the same ones for the same seed and context. */
  List<BadRequest> generate(int count) {
    List<BadRequest> corpus = new ArrayList<>(count);
    while (corpus.size() < count) {
      int pick = random.nextInt(100);
      if (pick < 30) {
        corpus.add(badBody(pickFrom(signedTargets)));
      } else if (pick < 55) {
        Target target = random.nextBoolean() ? pickFrom(signedTargets) : pickFrom(readTargets);
        corpus.add(badSignature(target));
      } else if (pick < 62) {
        corpus.add(wrongContentType(pickFrom(signedTargets)));
      } else if (pick < 70) {
        corpus.add(badResourcePathOrQuery());
      } else if (pick < 76) {
        corpus.add(unknownMethod());
      } else if (pick < 80) {
        corpus.add(walletAddress());
      } else if (pick < 97) {
        corpus.add(admin());
      } else {
        corpus.add(consentPage());
      }
    }
    return corpus;
  }

  // --- bodies ------------------------------------------------------------------------------

  private BadRequest badBody(Target target) {
    int pick = random.nextInt(10);
    if (target.bodyIgnored() || pick == 0) {
      String text = notJson(Json.write(target.body().get()));
      return signed(target, "body not JSON", text.getBytes(StandardCharsets.UTF_8));
    }
    if (pick == 1) {
      return signed(target, "body nested too deep", deepNesting());
    }
    if (pick == 2 && target.closedSchema()) {
      ObjectNode body = target.body().get();
      body.put(random.nextBoolean() ? "unknownField" : "x".repeat(1 + random.nextInt(300)), LONG);
      return signed(target, "unknown field", bytes(body));
    }
    if (pick == 3) {
      JsonNode other = randomJsonValue();
      return signed(target, "body is " + other.getNodeType(), bytes(other));
    }
    Field field = pickFrom(target.fields());
    ObjectNode body = target.body().get();
    JsonNode bad = badValue(field.kind());
    if (field.pointer().equals("/client") && bad.asText().contains("wallet.example")) {
      // The auth server fetches an outside client's keys; keep the corpus off the network.
      bad = NODES.textNode("http://127.0.0.1:1/app");
    }
    if (random.nextInt(6) == 0 && field.required()) {
      body.remove(field.pointer().substring(1));
      return signed(target, "required " + field.pointer() + " missing", bytes(body));
    }
    replace(body, field.pointer(), bad);
    return signed(target, field.pointer() + " = " + abbreviate(bad), bytes(body));
  }

  private JsonNode badValue(Kind kind) {
    return switch (kind) {
      case URL -> badUrl();
      case AMOUNT -> badAmount();
      case ASSET_CODE ->
          pickFrom(
              List.of(
                  NODES.textNode("EUR"),
                  NODES.textNode("usd"),
                  NODES.textNode(""),
                  NODES.textNode("DOLLARS"),
                  NODES.numberNode(840),
                  NODES.textNode(LONG),
                  NODES.nullNode()));
      case ASSET_SCALE ->
          pickFrom(
              List.of(
                  NODES.numberNode(-1),
                  NODES.numberNode(3),
                  NODES.numberNode(256),
                  NODES.numberNode(1.5),
                  NODES.textNode("2"),
                  NODES.numberNode(Long.MAX_VALUE),
                  NODES.nullNode()));
      case TIME ->
          pickFrom(
              List.of(
                  NODES.textNode("yesterday"),
                  NODES.textNode("2020-01-01T00:00:00Z"),
                  NODES.textNode("9999-12-31T23:59:59Z"),
                  NODES.textNode("2026-13-45T25:61:00Z"),
                  NODES.numberNode(1735689600),
                  NODES.textNode(""),
                  NODES.textNode(LONG)));
      case TEXT ->
          pickFrom(
              List.of(
                  NODES.textNode(""),
                  NODES.textNode("not-a-known-value"),
                  NODES.numberNode(7),
                  NODES.booleanNode(true),
                  NODES.arrayNode(),
                  NODES.textNode(LONG),
                  NODES.nullNode()));
      case ARRAY ->
          pickFrom(
              List.of(
                  NODES.arrayNode().add(1),
                  NODES.arrayNode().add("fly"),
                  NODES.textNode("create"),
                  NODES.objectNode(),
                  NODES.arrayNode().add(NODES.arrayNode()),
                  NODES.nullNode()));
      case OBJECT ->
          pickFrom(
              List.of(
                  NODES.objectNode(),
                  NODES.textNode("500"),
                  NODES.numberNode(500),
                  NODES.arrayNode(),
                  NODES.objectNode().put("value", "500"),
                  NODES.nullNode()));
    };
  }

  private JsonNode badAmount() {
    return pickFrom(
        List.of(
            NODES.textNode("-1"),
            NODES.textNode("1.5"),
            NODES.textNode("0.01"),
            NODES.textNode("1e3"),
            NODES.textNode("0"),
            NODES.textNode("18446744073709551616"),
            NODES.textNode("99999999999999999999999999999999"),
            NODES.textNode(""),
            NODES.textNode("abc"),
            NODES.textNode(" 100"),
            NODES.textNode("+100"),
            NODES.textNode("0x64"),
            NODES.textNode("١٠٠"),
            NODES.numberNode(100),
            NODES.numberNode(-5),
            NODES.numberNode(1.5),
            NODES.textNode(LONG),
            NODES.nullNode()));
  }

  private JsonNode badUrl() {
    return NODES.textNode(
        pickFrom(
            List.of(
                "not a url",
                "",
                "ftp://example.com/alice",
                "http://",
                "javascript:alert(1)",
                "http://127.0.0.1:1/alice",
                "https://wallet.example/alice",
                context.ase1() + "/nobody",
                context.ase2() + "/incoming-payments/" + UUID.randomUUID(),
                context.ase1() + "/quotes/" + UUID.randomUUID(),
                context.ase1() + "/alice/",
                context.ase1() + "/alice?x=1",
                context.ase1() + "/" + LONG,
                "http://[::1",
                "\u0000\u0001")));
  }

  private byte[] deepNesting() {
    int depth = 2000 + random.nextInt(20_000);
    return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
  }

  private JsonNode randomJsonValue() {
    return pickFrom(
        List.of(
            NODES.arrayNode().add(1).add(2),
            NODES.textNode("text"),
            NODES.numberNode(42),
            NODES.booleanNode(false),
            NODES.nullNode(),
            NODES.objectNode()));
  }

  /** Text that is certainly not JSON: cut short, or with a stray token in front. */
  private String notJson(String valid) {
    return switch (random.nextInt(4)) {
      case 0 -> valid.substring(0, 1 + random.nextInt(valid.length() - 1));
      case 1 -> "x" + valid;
      case 2 -> "{" + valid;
      default -> "<html>" + valid;
    };
  }

  // --- signatures ---------------------------------------------------------------------------

  private BadRequest badSignature(Target target) {
    byte[] body = target.body() == null || target.bodyIgnored() ? null : bytes(target.body().get());
    Map<String, String> headers = baseHeaders(target, body);
    int pick = random.nextInt(target.token() == null ? 9 : 10);
    String label;
    RequestSigner signer = context.signer();
    if (pick == 0) {
      signer = context.unknownKey();
      label = "signed by a key the client does not list";
    } else if (pick == 1) {
      signer = context.oldSignature();
      label = "created a day ago";
    } else {
      label = null;
    }
    SignedHeaders signed = signer.sign(target.method(), target.url(), headers, body);
    headers.putAll(signed.headers());
    if (label == null) {
      label = mangle(headers, pick, body);
      if (label.startsWith("body changed")) {
        body = tampered(body);
      }
    }
    return new BadRequest(
        target.name() + ": " + label, target.method(), target.url(), headers, body, false);
  }

  /** Breaks one signature header in place; returns what it did. */
  private String mangle(Map<String, String> headers, int pick, byte[] body) {
    String signature = headers.get("Signature");
    String input = headers.get("Signature-Input");
    switch (pick) {
      case 2 -> {
        headers.remove("Signature");
        return "no Signature";
      }
      case 3 -> {
        headers.remove("Signature-Input");
        return "no Signature-Input";
      }
      case 4 -> {
        headers.put(
            "Signature", signature.substring(0, 1 + random.nextInt(signature.length() - 2)));
        return "Signature truncated";
      }
      case 5 -> {
        headers.put(
            "Signature-Input", random.nextBoolean() ? garbage() : input.replace("sig1=", "sig2="));
        return "Signature-Input garbled";
      }
      case 6 -> {
        if (input.length() > 10) {
          headers.put(
              "Signature-Input", input.substring(0, 1 + random.nextInt(input.length() - 2)));
        }
        return "Signature-Input truncated";
      }
      case 7 -> {
        if (body == null) {
          headers.put("Signature", "sig1=:" + "A".repeat(86) + "==:");
          return "Signature of zeros";
        }
        headers.put(
            "Content-Digest",
            pickFrom(
                List.of(
                    "sha-512=:AAAA:",
                    "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:",
                    garbage(),
                    headers.get("Content-Digest").substring(0, 20))));
        return "Content-Digest wrong";
      }
      case 8 -> {
        if (body == null) {
          headers.put("Signature", signature.replace("sig1=:", "sig1=:B"));
          return "Signature not base64 of 64 bytes";
        }
        return "body changed after signing";
      }
      default -> {
        String token = headers.getOrDefault("Authorization", "GNAP x").substring(5);
        headers.put(
            "Authorization",
            pickFrom(
                List.of(
                    "GNAP",
                    "Bearer " + token,
                    "GNAP " + token + " extra",
                    "GNAP " + UUID.randomUUID(),
                    "gnap" + token,
                    "GNAP " + "x".repeat(6000))));
        return "Authorization malformed";
      }
    }
  }

  private byte[] tampered(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    int at = random.nextInt(text.length());
    String changed = text.substring(0, at) + " " + text.substring(at);
    return changed.getBytes(StandardCharsets.UTF_8);
  }

  private String garbage() {
    StringBuilder text = new StringBuilder();
    int length = 1 + random.nextInt(120);
    for (int i = 0; i < length; i++) {
      text.append((char) (0x21 + random.nextInt(0x5e)));
    }
    return text.toString();
  }

  private BadRequest wrongContentType(Target target) {
    byte[] body = bytes(target.body().get());
    Map<String, String> headers = baseHeaders(target, body);
    headers.put(
        "Content-Type",
        pickFrom(
            List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/jsonx",
                "json")));
    headers.putAll(context.signer().sign(target.method(), target.url(), headers, body).headers());
    return new BadRequest(
        target.name() + ": Content-Type " + headers.get("Content-Type"),
        target.method(),
        target.url(),
        headers,
        body,
        false);
  }

  private BadRequest signed(Target target, String label, byte[] body) {
    Map<String, String> headers = baseHeaders(target, body);
    headers.putAll(context.signer().sign(target.method(), target.url(), headers, body).headers());
    return new BadRequest(
        target.name() + ": " + label, target.method(), target.url(), headers, body, false);
  }

  private static Map<String, String> baseHeaders(Target target, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (target.token() != null) {
      headers.put("Authorization", "GNAP " + target.token());
    }
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    return headers;
  }

  // --- paths, queries, methods ---------------------------------------------------------------

  private BadRequest badResourcePathOrQuery() {
    String ase1 = context.ase1();
    String ase2 = context.ase2();
    String url;
    String token;
    if (random.nextBoolean()) {
      String id =
          pickFrom(
              List.of(
                  UUID.randomUUID().toString(),
                  "not-a-uuid",
                  "%00",
                  "x".repeat(5000),
                  "..%2F..%2Fadmin",
                  UUID.randomUUID() + "%20"));
      String collection = pickFrom(List.of("incoming-payments", "quotes", "outgoing-payments"));
      String base = collection.equals("incoming-payments") ? ase2 : ase1;
      url = base + "/" + collection + "/" + id + (random.nextInt(4) == 0 ? "/complete" : "");
      token =
          switch (collection) {
            case "incoming-payments" -> context.incomingToken();
            case "quotes" -> context.quoteToken();
            default -> context.outgoingToken();
          };
    } else {
      boolean incoming = random.nextBoolean();
      String base = incoming ? ase2 : ase1;
      String wallet = incoming ? ase2 + "/dave" : ase1 + "/alice";
      token = incoming ? context.incomingToken() : context.outgoingToken();
      String query =
          pickFrom(
              List.of(
                  "wallet-address=" + encoded(wallet) + "&first=0",
                  "wallet-address=" + encoded(wallet) + "&first=-1",
                  "wallet-address=" + encoded(wallet) + "&first=101",
                  "wallet-address=" + encoded(wallet) + "&first=abc",
                  "wallet-address=" + encoded(wallet) + "&first=1.5",
                  "wallet-address=" + encoded(wallet) + "&last=5",
                  "wallet-address=" + encoded(wallet) + "&first=5&last=5",
                  "wallet-address=" + encoded(wallet) + "&cursor=garbage",
                  "wallet-address=" + encoded(wallet) + "&cursor=" + UUID.randomUUID(),
                  "first=10",
                  "wallet-address=" + encoded("https://wallet.example/alice"),
                  "wallet-address=not%20a%20url",
                  "wallet-address=" + encoded(base + "/nobody")));
      url = base + "/" + (incoming ? "incoming-payments" : "outgoing-payments") + "?" + query;
    }
    String method = url.endsWith("/complete") ? "POST" : "GET";
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "GNAP " + token);
    headers.putAll(context.signer().sign(method, url, headers, null).headers());
    return new BadRequest("bad id or query", method, url, headers, null, false);
  }

  private BadRequest unknownMethod() {
    String path =
        pickFrom(
            List.of(
                context.ase1() + "/incoming-payments",
                context.ase1() + "/quotes",
                context.ase1() + "/outgoing-payments",
                context.ase1() + "/auth",
                context.ase1() + "/alice",
                context.ase1() + "/alice/jwks.json",
                context.ase1() + "/admin/clock",
                context.ase2() + "/outgoing-payment-grant",
                context.incomingPayment(),
                context.quote()));
    String method = pickFrom(List.of("PUT", "PATCH", "TRACE", "OPTIONS", "FOO", "DELETE"));
    if (method.equals("DELETE") && (path.endsWith("/auth") || path.contains("/auth/"))) {
      method = "PATCH";
    }
    return new BadRequest(
        "method " + method,
        method,
        path,
        Map.of("Content-Type", "application/json"),
        "{}".getBytes(StandardCharsets.UTF_8),
        false);
  }

  private BadRequest walletAddress() {
    String ase = random.nextBoolean() ? context.ase1() : context.ase2();
    return switch (random.nextInt(4)) {
      case 0 ->
          new BadRequest(
              "wallet address not accepting JSON",
              "GET",
              ase + pickFrom(List.of("/alice", "/dave", "/alice/jwks.json")),
              Map.of(
                  "Accept",
                  pickFrom(
                      List.of(
                          "application/xml", "text/html;q=1, application/json;q=0", "image/png"))),
              null,
              false);
      case 1 ->
          new BadRequest(
              "unknown wallet address",
              "GET",
              ase + "/nobody-" + random.nextInt(1000),
              Map.of(),
              null,
              false);
      case 2 ->
          new BadRequest(
              "unknown wallet path",
              "GET",
              ase + "/alice/" + garbageSegment(),
              Map.of(),
              null,
              false);
      default ->
          new BadRequest(
              "over-long wallet name", "GET", ase + "/" + "w".repeat(6000), Map.of(), null, false);
    };
  }

  private String garbageSegment() {
    return pickFrom(List.of("did", "keys", "jwks", "x".repeat(300), "%2e%2e", "a%2Fb"));
  }

  private BadRequest consentPage() {
    String url =
        context.ase1()
            + "/auth/interact/"
            + pickFrom(List.of(UUID.randomUUID().toString(), "x", "x".repeat(3000)))
            + "/"
            + pickFrom(List.of("ABCDEF0123456789", "", "%00"));
    if (url.endsWith("/")) {
      url = url + "nonce";
    }
    boolean post = random.nextBoolean();
    return new BadRequest(
        "unknown consent page",
        post ? "POST" : "GET",
        url,
        post ? Map.of("Content-Type", "application/x-www-form-urlencoded") : Map.of(),
        post
            ? ("decision=" + pickFrom(List.of("accept", "maybe", "")))
                .getBytes(StandardCharsets.UTF_8)
            : null,
        true);
  }

  // --- admin --------------------------------------------------------------------------------

  private BadRequest admin() {
    String ase = random.nextBoolean() ? context.ase1() : context.ase2();
    int pick = random.nextInt(12);
    return switch (pick) {
      case 0 -> adminPost(ase, "/admin/wallet-addresses", createWallet(ase));
      case 1 -> adminPost(ase, "/admin/wallet-addresses/" + existing(ase) + "/keys", badKey());
      case 2 ->
          adminPost(
              ase,
              "/admin/wallet-addresses/" + existing(ase) + "/balance",
              object(
                  "value",
                  pickFrom(
                      List.of(
                          NODES.textNode("-1"),
                          NODES.textNode("1.5"),
                          NODES.textNode("abc"),
                          NODES.textNode(""),
                          NODES.textNode("18446744073709551616"),
                          NODES.textNode("99999999999999999999"),
                          NODES.numberNode(-5),
                          NODES.numberNode(1.5),
                          NODES.nullNode()))));
      case 3 ->
          adminPost(
              ase,
              "/admin/wallet-addresses/" + existing(ase) + "/failures",
              object(
                  "count",
                  pickFrom(
                      List.of(
                          NODES.numberNode(-1),
                          NODES.textNode("3"),
                          NODES.numberNode(1.5),
                          NODES.numberNode(1L << 40),
                          NODES.nullNode()))));
      case 4 -> adminPost(ase, "/admin/clock", badClock());
      case 5 ->
          adminPost(
              ase,
              "/admin/processing",
              object(
                  "delay",
                  pickFrom(
                      List.of(
                          NODES.textNode("soon"),
                          NODES.textNode("-PT1S"),
                          NODES.textNode(""),
                          NODES.numberNode(3),
                          NODES.textNode("PT99999999999999999S")))));
      case 6 -> adminPost(ase, "/admin/preload", badPreload(ase));
      case 7 ->
          adminPost(
              ase,
              "/admin/auto-consent",
              object(
                  "autoConsent",
                  pickFrom(
                      List.of(
                          NODES.textNode("maybe"),
                          NODES.numberNode(1),
                          NODES.textNode(""),
                          NODES.nullNode()))));
      case 8 ->
          new BadRequest(
              "admin query",
              "GET",
              ase
                  + pickFrom(
                      List.of(
                          "/admin/events?after=abc",
                          "/admin/events?limit=0",
                          "/admin/events?limit=-5",
                          "/admin/events?after=99999999999999999999",
                          "/admin/requests?limit=abc",
                          "/admin/requests?limit=0",
                          "/admin/stats?gc=maybe",
                          "/admin/grants/" + UUID.randomUUID(),
                          "/admin/wallet-addresses/nobody")),
              Map.of(),
              null,
              false);
      case 9 -> {
        String text = notJson("{\"advance\":\"P1D\"}");
        yield new BadRequest(
            "admin body not JSON",
            "POST",
            ase + pickFrom(List.of("/admin/clock", "/admin/wallet-addresses", "/admin/preload")),
            Map.of("Content-Type", "application/json"),
            text.getBytes(StandardCharsets.UTF_8),
            false);
      }
      case 10 ->
          new BadRequest(
              "admin wrong Content-Type",
              "POST",
              ase + "/admin/processing",
              Map.of("Content-Type", "text/plain"),
              "{\"delay\":\"PT1S\"}".getBytes(StandardCharsets.UTF_8),
              false);
      default ->
          adminPost(
              ase,
              "/admin/wallet-addresses",
              object("name", NODES.textNode("ok-" + random.nextInt(1000)))
                  .put("assetCode", "USD")
                  .put("assetScale", 2)
                  .put("unknown", true));
    };
  }

  private ObjectNode createWallet(String ase) {
    ObjectNode body = NODES.objectNode();
    body.put("name", "w" + random.nextInt(1_000_000));
    body.put("assetCode", "USD");
    body.put("assetScale", 2);
    switch (random.nextInt(5)) {
      case 0 ->
          body.set(
              "name",
              pickFrom(
                  List.of(
                      NODES.textNode(""),
                      NODES.textNode("a/b"),
                      NODES.textNode("auth"),
                      NODES.textNode("admin"),
                      NODES.textNode(existing(ase)),
                      NODES.textNode("x".repeat(300)),
                      NODES.textNode("with space"),
                      NODES.numberNode(5))));
      case 1 -> body.put("assetScale", pickFrom(List.of(-1, 256, 100_000)));
      case 2 ->
          body.set(
              "assetCode",
              pickFrom(List.of(NODES.textNode(""), NODES.numberNode(1), NODES.nullNode())));
      case 3 ->
          body.set(
              "balance",
              pickFrom(
                  List.of(
                      NODES.textNode("-1"),
                      NODES.textNode("1.5"),
                      NODES.textNode("99999999999999999999"),
                      NODES.textNode("18446744073709551616"),
                      NODES.textNode("abc"))));
      default -> body.remove("assetCode");
    }
    return body;
  }

  private ObjectNode badKey() {
    ObjectNode jwk = NODES.objectNode();
    jwk.put("kid", "k" + random.nextInt(1000));
    jwk.put("alg", "EdDSA");
    jwk.put("kty", "OKP");
    jwk.put("crv", "Ed25519");
    jwk.put("x", "ebVWLo_mVPlAeLES6KmLp5AfhTrmlb7X4OORC60ElmQ");
    switch (random.nextInt(6)) {
      case 0 -> jwk.put("kty", "RSA");
      case 1 -> jwk.put("x", "too-short");
      case 2 -> jwk.put("x", "ebVWLo_mVPlAeLES6KmLp5AfhTrmlb7X4OORC60ElmQ=");
      case 3 -> jwk.put("crv", "X25519");
      case 4 -> jwk.remove("kid");
      default -> {
        return object("jwk", NODES.textNode("not a jwk"));
      }
    }
    return object("jwk", jwk);
  }

  private ObjectNode badClock() {
    return switch (random.nextInt(5)) {
      case 0 ->
          object(
              "advance",
              pickFrom(
                  List.of(
                      NODES.textNode("P"),
                      NODES.textNode("1M"),
                      NODES.textNode("P1000000000Y"),
                      NODES.textNode(""),
                      NODES.numberNode(5))));
      case 1 ->
          object(
              "now",
              pickFrom(
                  List.of(
                      NODES.textNode("2026-13-01T00:00:00Z"),
                      NODES.textNode("tomorrow"),
                      NODES.textNode("+1000000001-01-01T00:00:00Z"),
                      NODES.numberNode(0))));
      case 2 -> object("advance", NODES.textNode("P1D")).put("now", "2027-01-01T00:00:00Z");
      case 3 ->
          object(
                  "advanceTo",
                  pickFrom(List.of(NODES.textNode("next-month"), NODES.textNode("next-window"))))
              .put("grant", UUID.randomUUID().toString());
      default -> object("grant", NODES.textNode("g"));
    };
  }

  private ObjectNode badPreload(String ase) {
    ObjectNode body = NODES.objectNode();
    body.put("wallet", existing(ase));
    switch (random.nextInt(6)) {
      case 0 -> body.put("wallet", "nobody");
      case 1 -> body.put("outgoingPayments", pickFrom(List.of(-1, 10_000_000, Integer.MAX_VALUE)));
      case 2 -> body.put("incomingPayments", pickFrom(List.of(-1, 10_000_000)));
      case 3 ->
          body.put("outgoingPayments", 3)
              .put("receiver", pickFrom(List.of("nowhere", "https://wallet.example/bob")));
      case 4 -> body.put("outgoingPayments", 3);
      default -> body.put("incomingPayments", "many");
    }
    return body;
  }

  private String existing(String ase) {
    return ase.equals(context.ase1()) ? "alice" : "dave";
  }

  private BadRequest adminPost(String ase, String path, ObjectNode body) {
    return new BadRequest(
        "admin " + path + " " + abbreviate(body),
        "POST",
        ase + path,
        Map.of("Content-Type", "application/json"),
        bytes(body),
        false);
  }

  private static ObjectNode object(String name, JsonNode value) {
    ObjectNode node = NODES.objectNode();
    node.set(name, value);
    return node;
  }

  // --- helpers ------------------------------------------------------------------------------

  private static ObjectNode usd(String value) {
    return NODES.objectNode().put("value", value).put("assetCode", "USD").put("assetScale", 2);
  }

  private static void replace(ObjectNode body, String pointer, JsonNode value) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = slash == 0 ? body : body.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1);
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), value);
    }
  }

  private static byte[] bytes(JsonNode node) {
    return CompactJson.stringify(node).getBytes(StandardCharsets.UTF_8);
  }

  private static String encoded(String url) {
    return java.net.URLEncoder.encode(url, StandardCharsets.UTF_8);
  }

  private static String abbreviate(JsonNode node) {
    String text = node.toString();
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }

  private <T> T pickFrom(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }
}
