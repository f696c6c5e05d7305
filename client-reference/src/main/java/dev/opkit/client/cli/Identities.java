package dev.opkit.client.cli;

import dev.opkit.client.ClientIdentity;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.KeyFormatException;
import dev.opkit.protocol.keys.PemKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Finds the client's identity: each part from its option, else its environment variable, else (for
 * a schedule) what the state file remembers.
 */
final class Identities {
  static final String WALLET_ENV = "OPM_WALLET_ADDRESS";
  static final String KEY_ENV = "OPM_PRIVATE_KEY";
  static final String KEY_ID_ENV = "OPM_KEY_ID";
  static final String NEXT_KEY_ENV = "OPM_NEXT_PRIVATE_KEY";
  static final String NEXT_KEY_ID_ENV = "OPM_NEXT_KEY_ID";
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\s]{64,}");

  private Identities() {}

  /** The parts as given, before the keys are read; the next key and its id may be null. */
  record Parts(String wallet, String key, String keyId, String nextKey, String nextKeyId) {
    /** These parts, with the gaps filled from {@code other}. */
    Parts or(Parts other) {
      return new Parts(
          wallet != null ? wallet : other.wallet,
          key != null ? key : other.key,
          keyId != null ? keyId : other.keyId,
          nextKey != null ? nextKey : other.nextKey,
          nextKeyId != null ? nextKeyId : other.nextKeyId);
    }

    /**
     * These parts once the client has switched to its next key ({@code signingKeyId} is the next
     * key's id): the next key becomes the only one. Otherwise these parts unchanged.
     */
    Parts signingWith(String signingKeyId) {
      if (nextKeyId == null || !nextKeyId.equals(signingKeyId)) {
        return this;
      }
      return new Parts(wallet, nextKey, nextKeyId, null, null);
    }

    /** The key as an absolute file path, when it was given as one (never the key itself). */
    String keyFile() {
      return absoluteFile(key);
    }

    /** The next key as an absolute file path, when it was given as one. */
    String nextKeyFile() {
      return absoluteFile(nextKey);
    }

    private static String absoluteFile(String value) {
      Path path = value == null ? null : existingFile(value);
      return path == null ? null : path.toAbsolutePath().toString();
    }
  }

  static Parts given(GlobalOptions options, CliContext context) {
    return new Parts(
        options.wallet != null ? options.wallet : context.env(WALLET_ENV),
        options.keyFile != null ? options.keyFile : context.env(KEY_ENV),
        options.keyId != null ? options.keyId : context.env(KEY_ID_ENV),
        options.nextKeyFile != null ? options.nextKeyFile : context.env(NEXT_KEY_ENV),
        options.nextKeyId != null ? options.nextKeyId : context.env(NEXT_KEY_ID_ENV));
  }

  static ClientIdentity resolve(Parts parts) {
    if (parts.wallet() == null) {
      throw new CliException(
          ExitCodes.USAGE, "no client wallet address: give --wallet URL or set " + WALLET_ENV);
    }
    if (parts.key() == null) {
      throw new CliException(
          ExitCodes.USAGE,
          "no private key: give --key-file FILE or set " + KEY_ENV + " (run 'opm keys generate')");
    }
    if (parts.keyId() == null) {
      throw new CliException(ExitCodes.USAGE, "no key id: give --key-id KID or set " + KEY_ID_ENV);
    }
    if ((parts.nextKey() == null) != (parts.nextKeyId() == null)) {
      throw new CliException(
          ExitCodes.USAGE,
          "a next key needs both --next-key-file FILE and --next-key-id KID (or "
              + NEXT_KEY_ENV
              + " and "
              + NEXT_KEY_ID_ENV
              + ")");
    }
    if (parts.keyId().equals(parts.nextKeyId())) {
      throw new CliException(
          ExitCodes.USAGE, "--next-key-id must differ from --key-id, both are " + parts.keyId());
    }
    ClientIdentity identity =
        new ClientIdentity(parts.wallet(), readKey(parts.key(), "private key"), parts.keyId());
    return parts.nextKey() == null
        ? identity
        : identity.withNextKey(readKey(parts.nextKey(), "next private key"), parts.nextKeyId());
  }

  private static Ed25519KeyPair readKey(String value, String what) {
    try {
      return PemKeys.readPrivateKey(keyText(value, what));
    } catch (KeyFormatException e) {
      throw new CliException(
          ExitCodes.USAGE, "the " + what + " cannot be used: " + e.getMessage(), e);
    }
  }

  /** The key itself when given inline (PEM, or PEM as base64), else the file's content. */
  private static String keyText(String value, String what) {
    if (value.contains("-----BEGIN")) {
      return value;
    }
    Path file = existingFile(value);
    if (file != null) {
      try {
        return Files.readString(file);
      } catch (IOException e) {
        throw new CliException(
            ExitCodes.USAGE,
            "cannot read the " + what + " file " + file + ": " + e.getMessage(),
            e);
      }
    }
    if (BASE64.matcher(value).matches()) {
      return value;
    }
    throw new CliException(
        ExitCodes.USAGE,
        "no " + what + " file " + value + " (give a PKCS#8 PEM file, or the key itself)");
  }

  private static Path existingFile(String value) {
    try {
      Path path = Path.of(value);
      return Files.isRegularFile(path) ? path : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
