package dev.opkit.client.cli;

import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.protocol.keys.KeyIds;
import dev.opkit.protocol.keys.PemKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code opm keys}: key management. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Create the Ed25519 key a client signs its requests with.",
    subcommands = KeysCommand.Generate.class)
final class KeysCommand {

  /** {@code opm keys generate}: a new key pair, written as PEM and JWK. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = {
        "Generate an Ed25519 key pair: the private key as PKCS#8 PEM (FILE.pem, owner-readable"
            + " only), the public key as a JWK (FILE.jwk.json), and its key id.",
        "Register the JWK at your client wallet address (a real wallet's developer keys page, or"
            + " the sandbox's admin API)."
      })
  static final class Generate implements Callable<Integer> {
    private final CliContext context;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        defaultValue = ".opm/key",
        description = "File name without extension (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--kid", paramLabel = "KID", description = "The key id (default: a new UUID).")
    String kid;

    @Option(names = "--force", description = "Overwrite existing files.")
    boolean force;

    @Option(names = "--json", description = "Print one JSON document for machines.")
    boolean json;

    Generate(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Console console = new Console(context, json, false);
      Ed25519KeyPair key = Ed25519KeyPair.generate();
      String keyId = kid != null ? kid : KeyIds.generate();
      Jwk jwk = key.toJwk(keyId);
      Path privateFile = sibling(".pem");
      Path jwkFile = sibling(".jwk.json");
      write(privateFile, PemKeys.writePrivateKey(key), true);
      write(jwkFile, Json.write(jwk) + "\n", false);
      console.field("private key", privateFile + " (PKCS#8 PEM; keep it secret)");
      console.field("public JWK", jwkFile);
      console.field("key id", keyId);
      console.field("jwk", Json.write(jwk));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("keyId", keyId);
      result.put("privateKeyFile", privateFile.toString());
      result.put("jwkFile", jwkFile.toString());
      result.put("jwk", jwk);
      console.result(result);
      return ExitCodes.OK;
    }

    private Path sibling(String extension) {
      return out.resolveSibling(out.getFileName() + extension).toAbsolutePath();
    }

    private void write(Path file, String content, boolean secret) {
      try {
        if (file.getParent() != null) {
          Files.createDirectories(file.getParent());
        }
        if (force) {
          Files.deleteIfExists(file);
        }
        Files.createFile(file);
        if (secret && Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        throw new CliException(
            ExitCodes.USAGE, file + " already exists; choose another --out or add --force", e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
