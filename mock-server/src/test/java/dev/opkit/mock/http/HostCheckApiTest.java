package dev.opkit.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.testing.RawConnection;
import dev.opkit.mock.testing.SandboxExtension;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DNS rebinding: every route answers only requests that name the sandbox in {@code Host}; a page
 * that pointed a name of its own at 127.0.0.1 gets a JSON 421 and changes nothing.
 */
class HostCheckApiTest {
  @Nested
  class Defaults {
    @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();

    @Test
    void requestWhenForeignHostThen421NamingTheAllowedNamesAndTheFlag() throws IOException {
      RawConnection.Answer answer = get(SANDBOX.sandbox(), "/alice", "rebind.attacker.example:80");

      assertThat(answer.status()).as(answer.body()).isEqualTo(421);
      assertThat(answer.headers().get("content-type")).startsWith("application/json");
      JsonPath error = JsonPath.from(answer.body());
      assertThat(error.getString("error.code")).isEqualTo("421");
      assertThat(error.getString("error.description"))
          .contains("localhost, 127.0.0.1, [::1]")
          .contains("'rebind.attacker.example:80'")
          .contains("--allowed-host rebind.attacker.example")
          .contains("allowedHosts");
    }

    @Test
    void adminWhenForeignHostThen421AndNothingChanges() throws IOException {
      Sandbox sandbox = SANDBOX.sandbox();
      SANDBOX
          .at("ase1")
          .contentType("application/json")
          .body("{\"name\":\"kept\",\"assetCode\":\"USD\",\"assetScale\":2}")
          .post("/admin/wallet-addresses")
          .then()
          .statusCode(201);

      RawConnection.Answer reset;
      RawConnection.Answer created;
      try (RawConnection connection = RawConnection.open(sandbox.ase("ase1").publicBase())) {
        String host = "\r\nHost: rebind.attacker.example:" + sandbox.port(sandbox.ase("ase1"));
        reset = connection.send("POST /admin/reset HTTP/1.1" + host, null);
        created =
            connection.send(
                "POST /admin/wallet-addresses HTTP/1.1"
                    + host
                    + "\r\nContent-Type: application/json",
                "{\"name\":\"evil\",\"assetCode\":\"USD\",\"assetScale\":2}");
      }

      assertThat(reset.status()).as(reset.body()).isEqualTo(421);
      assertThat(JsonPath.from(reset.body()).getString("error.code"))
          .isEqualTo("misdirected_request");
      assertThat(created.status()).as(created.body()).isEqualTo(421);
      SANDBOX.at("ase1").get("/kept").then().statusCode(200);
      SANDBOX.at("ase1").get("/evil").then().statusCode(404);
    }

    @Test
    void requestWhenLoopbackNamesInAnyCaseThenServed() throws IOException {
      int port = SANDBOX.sandbox().port(SANDBOX.sandbox().ase("ase1"));
      for (String host :
          List.of(
              "localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LocalHost", "[::1]")) {
        RawConnection.Answer answer = get(SANDBOX.sandbox(), "/alice", host);
        assertThat(answer.status()).as(host + " " + answer.body()).isEqualTo(200);
      }
    }

    @Test
    void requestWhenNoHostHeaderThen400() throws IOException {
      try (RawConnection connection = RawConnection.open(SANDBOX.base("ase1"))) {
        RawConnection.Answer answer = connection.send("GET /alice HTTP/1.0", null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("Host");
      }
    }
  }

  @Nested
  class Configured {
    @RegisterExtension
    static final SandboxExtension SANDBOX =
        new SandboxExtension(
            c ->
                c.withAllowedHosts(List.of("My-Laptop.local", "192.168.1.20"))
                    .withAses(
                        c.ases().stream()
                            .map(
                                a ->
                                    a.name().equals("ase2")
                                        ? a.withPublicUrl("https://bank.sandbox.example/ase2")
                                        : a)
                            .toList()));

    @Test
    void requestWhenAllowedHostOrPublicUrlHostThenServed() throws IOException {
      Sandbox sandbox = SANDBOX.sandbox();
      assertThat(get(sandbox, "/alice", "my-laptop.local:4000").status()).isEqualTo(200);
      assertThat(get(sandbox, "/alice", "192.168.1.20").status()).isEqualTo(200);
      assertThat(get(sandbox, "/alice", "bank.sandbox.example").status()).isEqualTo(200);
      assertThat(get(sandbox, "/alice", "other.example").status()).isEqualTo(421);
    }
  }

  @Nested
  class AnyHost {
    @RegisterExtension
    static final SandboxExtension SANDBOX =
        new SandboxExtension(c -> c.withAllowedHosts(List.of("*")));

    @Test
    void requestWhenAnyNameAllowedThenForeignHostServed() throws IOException {
      assertThat(get(SANDBOX.sandbox(), "/alice", "rebind.attacker.example").status())
          .isEqualTo(200);
    }
  }

  private static RawConnection.Answer get(Sandbox sandbox, String path, String host)
      throws IOException {
    try (RawConnection connection = RawConnection.open("http://127.0.0.1:" + port(sandbox))) {
      return connection.send(
          "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json", null);
    }
  }

  private static int port(Sandbox sandbox) {
    return sandbox.port(sandbox.ase("ase1"));
  }
}
