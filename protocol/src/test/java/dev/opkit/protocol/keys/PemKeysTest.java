package dev.opkit.protocol.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PemKeysTest {
  /** Written by Node.js {@code crypto} ({@code export({format:'pem',type:'pkcs8'})}). */
  private static final String NODE_PEM = TestKeys.resource("vectors/test-key-1.pem");

  @Test
  void readPrivateKeyWhenNodeWrittenPemThenProtocolExampleSeed() {
    Ed25519KeyPair keyPair = PemKeys.readPrivateKey(NODE_PEM);

    assertThat(keyPair.seed()).isEqualTo(TestKeys.protocolExampleSeed());
  }

  @Test
  void writePrivateKeyWhenProtocolExampleThenSameTextAsNode() {
    assertThat(PemKeys.writePrivateKey(TestKeys.protocolExample())).isEqualTo(NODE_PEM);
  }

  @Test
  void readPrivateKeyWhenRfc9421TestKeyThenPublishedPublicKey() {
    Ed25519KeyPair keyPair = TestKeys.rfc9421();

    assertThat(keyPair.publicKey().x()).isEqualTo(TestKeys.RFC9421_X);
    assertThat(keyPair.publicKey())
        .isEqualTo(PemKeys.readPublicKey(TestKeys.resource("rfc9421/test-key-ed25519-public.pem")));
  }

  @Test
  void writePrivateKeyWhenReadBackThenSameSeed() {
    Ed25519KeyPair original = Ed25519KeyPair.generate();

    String pem = PemKeys.writePrivateKey(original);

    assertThat(pem)
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    assertThat(PemKeys.readPrivateKey(pem).seed()).isEqualTo(original.seed());
  }

  @Test
  void readPrivateKeyWhenPemIsBase64EncodedThenAccepted() {
    String base64 = Base64.getEncoder().encodeToString(NODE_PEM.getBytes(StandardCharsets.UTF_8));

    assertThat(PemKeys.readPrivateKey(base64).seed()).isEqualTo(TestKeys.protocolExampleSeed());
  }

  @Test
  void readPrivateKeyWhenBase64PemIsLineWrappedThenAccepted() {
    String wrapped =
        Base64.getMimeEncoder().encodeToString(NODE_PEM.getBytes(StandardCharsets.UTF_8)) + "\n";

    assertThat(wrapped).contains("\r\n");
    assertThat(PemKeys.readPrivateKey(wrapped).seed()).isEqualTo(TestKeys.protocolExampleSeed());
  }

  @Test
  void writePublicKeyWhenReadBackThenEqualKey() {
    Ed25519PublicKey key = Ed25519KeyPair.generate().publicKey();

    String pem = PemKeys.writePublicKey(key);

    assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n");
    assertThat(PemKeys.readPublicKey(pem)).isEqualTo(key);
  }

  @Test
  void writePublicKeyWhenRfc9421KeyThenPublishedPem() {
    assertThat(PemKeys.writePublicKey(TestKeys.rfc9421().publicKey()))
        .isEqualTo(TestKeys.resource("rfc9421/test-key-ed25519-public.pem"));
  }

  @ParameterizedTest
  @CsvSource({"RSA, RSA", "EC, EC", "Ed448, Ed448", "X25519, X25519"})
  void readPrivateKeyWhenOtherAlgorithmThenNamesIt(String jcaAlgorithm, String named)
      throws GeneralSecurityException {
    byte[] pkcs8 =
        KeyPairGenerator.getInstance(jcaAlgorithm).generateKeyPair().getPrivate().getEncoded();

    assertThatThrownBy(() -> PemKeys.readPrivateKey(pem("PRIVATE KEY", pkcs8)))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage("Open Payments keys are Ed25519; this PEM holds a " + named);
  }

  @Test
  void readPublicKeyWhenRsaThenNamesIt() throws GeneralSecurityException {
    byte[] spki = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded();

    assertThatThrownBy(() -> PemKeys.readPublicKey(pem("PUBLIC KEY", spki)))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("holds a RSA");
  }

  @Test
  void readPrivateKeyWhenPublicKeyPemThenSaysSo() {
    String publicPem = TestKeys.resource("rfc9421/test-key-ed25519-public.pem");

    assertThatThrownBy(() -> PemKeys.readPrivateKey(publicPem))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage("expected a \"-----BEGIN PRIVATE KEY-----\" PEM; found a public key");
  }

  @Test
  void readPublicKeyWhenPrivateKeyPemThenSaysSo() {
    assertThatThrownBy(() -> PemKeys.readPublicKey(NODE_PEM))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage("expected a \"-----BEGIN PUBLIC KEY-----\" PEM; found a private key");
  }

  @Test
  void readPrivateKeyWhenEncryptedThenAsksToDecrypt() {
    String encrypted = TestKeys.resource("keys/encrypted-ed25519.pem");

    assertThatThrownBy(() -> PemKeys.readPrivateKey(encrypted))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("encrypted; decrypt it first");
  }

  @Test
  void readPrivateKeyWhenNeitherPemNorBase64ThenSaysWhatIsExpected() {
    assertThatThrownBy(() -> PemKeys.readPrivateKey("not a key!"))
        .isInstanceOfSatisfying(
            KeyFormatException.class, e -> assertThat(e.field()).isEqualTo("pem"))
        .hasMessageContaining("neither a PEM");
  }

  @Test
  void readPrivateKeyWhenBase64OfSomethingElseThenSaysWhatIsExpected() {
    String base64 = Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> PemKeys.readPrivateKey(base64))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("does not decode to a PEM");
  }

  @Test
  void readPrivateKeyWhenPemBodyCorruptThenKeyFormatException() {
    String corrupt = NODE_PEM.replace("MC4CAQAw", "MC4CAQ!!");

    assertThatThrownBy(() -> PemKeys.readPrivateKey(corrupt))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("PEM");
  }

  @Test
  void readPrivateKeyWhenEndLineMissingThenKeyFormatException() {
    String truncated = NODE_PEM.substring(0, NODE_PEM.indexOf("-----END"));

    assertThatThrownBy(() -> PemKeys.readPrivateKey(truncated))
        .isInstanceOf(KeyFormatException.class);
  }

  private static String pem(String type, byte[] der) {
    StringWriter out = new StringWriter();
    try (PemWriter writer = new PemWriter(out)) {
      writer.writeObject(new PemObject(type, der));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }
}
