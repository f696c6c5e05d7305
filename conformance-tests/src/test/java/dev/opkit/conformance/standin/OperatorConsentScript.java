package dev.opkit.conformance.standin;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A test double for an operator's consent command ({@code opkit.consent.command}), run as its own
 * process: it plays the user's browser and the identity provider of a Rafiki wallet, then, as the
 * browser would, follows the wallet's finish redirect to the kit's finish URI.
 *
 * <p>Arguments: the identity-provider API's URL and secret (from the command line the test
 * configures), then the kit's three: the consent URL, {@code accept} or {@code reject}, the finish
 * URI.
 */
public final class OperatorConsentScript {
  private OperatorConsentScript() {}

  public static void main(String[] args) throws Exception {
    String idp = args[0];
    String secret = args[1];
    URI consent = URI.create(args[2]);
    String decision = args[3];
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<Void> started =
        http.send(HttpRequest.newBuilder(consent).build(), HttpResponse.BodyHandlers.discarding());
    List<String> cookies = new ArrayList<>();
    for (String header : started.headers().allValues("Set-Cookie")) {
      HttpCookie.parse(header).forEach(c -> cookies.add(c.getName() + "=" + c.getValue()));
    }
    String query = URI.create(started.headers().firstValue("Location").orElseThrow()).getRawQuery();
    String id = null;
    String nonce = null;
    for (String pair : query.split("&")) {
      String[] parts = pair.split("=", 2);
      String value = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
      if (parts[0].equals("interactId")) {
        id = value;
      } else if (parts[0].equals("nonce")) {
        nonce = value;
      }
    }

    HttpResponse<Void> chosen =
        http.send(
            HttpRequest.newBuilder(URI.create(idp + "/grant/" + id + "/" + nonce + "/" + decision))
                .header("x-idp-secret", secret)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
    if (chosen.statusCode() != 202) {
      System.err.println("the identity provider answered " + chosen.statusCode());
      System.exit(3);
    }

    URI finish =
        URI.create(
            consent.getScheme()
                + "://"
                + consent.getRawAuthority()
                + consent.getRawPath()
                + "/finish");
    HttpResponse<Void> finished =
        http.send(
            HttpRequest.newBuilder(finish).header("Cookie", String.join("; ", cookies)).build(),
            HttpResponse.BodyHandlers.discarding());
    URI back = URI.create(finished.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> landed =
        http.send(HttpRequest.newBuilder(back).build(), HttpResponse.BodyHandlers.ofString());
    System.out.println("the kit's finish page answered " + landed.statusCode());
  }
}
