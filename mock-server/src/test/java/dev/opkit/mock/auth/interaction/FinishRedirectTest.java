package dev.opkit.mock.auth.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.protocol.gnap.FinishHash;
import dev.opkit.protocol.gnap.HashEncoding;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FinishRedirectTest {
  /** PROTOCOL.md §4.2's worked example. */
  private static final FinishHash VECTOR =
      new FinishHash(
          "4edb2194-dbdf-46bb-9397-d5fd57b7c8a7",
          "B2A5F28A7B1C9D3E",
          "8e4a1f0e-6c3b-4a51-9a52-3f1b2c7d9e10",
          "https://auth.wallet.example/5b1e1a3c-0c0e-4e55-b1a6-2e6a4c3f9d11");

  @Test
  void toWhenRafikiEncodingThenKnownVectorFormEncoded() {
    String hash = VECTOR.encode(HashEncoding.STANDARD_PADDED);

    String url = FinishRedirect.to("https://client.example/return", parameters(hash, "ref-1"));

    assertThat(hash).isEqualTo("NQExmc9WkQVWo4NfhzaUnnlcp63z8Mc/82eyi/Zstyo=");
    assertThat(url)
        .isEqualTo(
            "https://client.example/return?hash=NQExmc9WkQVWo4NfhzaUnnlcp63z8Mc%2F82eyi%2FZstyo%3D"
                + "&interact_ref=ref-1");
  }

  @Test
  void toWhenStrictEncodingThenKnownVectorUnpadded() {
    String hash = VECTOR.encode(HashEncoding.URL_UNPADDED);

    assertThat(hash).isEqualTo("NQExmc9WkQVWo4NfhzaUnnlcp63z8Mc_82eyi_Zstyo");
    assertThat(FinishRedirect.to("https://c.example/r", parameters(hash, "x")))
        .isEqualTo(
            "https://c.example/r?hash=NQExmc9WkQVWo4NfhzaUnnlcp63z8Mc_82eyi_Zstyo"
                + "&interact_ref=x");
  }

  @Test
  void toWhenUriHasQueryAndFragmentThenQueryKeptAndFragmentLast() {
    Map<String, String> result = Map.of("result", "grant_rejected");

    assertThat(FinishRedirect.to("https://c.example/r?session=a b#top", result))
        .isEqualTo("https://c.example/r?session=a b&result=grant_rejected#top");
    assertThat(FinishRedirect.to("https://c.example/r?", result))
        .isEqualTo("https://c.example/r?result=grant_rejected");
  }

  @Test
  void toWhenMessageHasSpacesThenFormEncoded() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("result", "invalid_interaction");
    parameters.put("message", "interaction expired");

    assertThat(FinishRedirect.to("https://c.example/r", parameters))
        .isEqualTo("https://c.example/r?result=invalid_interaction&message=interaction+expired");
  }

  private static Map<String, String> parameters(String hash, String ref) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("hash", hash);
    parameters.put("interact_ref", ref);
    return parameters;
  }
}
