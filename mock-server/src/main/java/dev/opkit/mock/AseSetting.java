package dev.opkit.mock;

import picocli.CommandLine;

/**
 * One {@code ASE=VALUE} flag value, e.g. {@code --port ase1=5000}: which provider, and what for.
 *
 * @param ase the provider's name
 * @param value what the flag sets for it
 */
record AseSetting(String ase, String value) {
  /** Reads {@code ASE=VALUE}; picocli's own map parsing says "option option" when it is not. */
  static final class Converter implements CommandLine.ITypeConverter<AseSetting> {
    @Override
    public AseSetting convert(String text) {
      int equals = text.indexOf('=');
      if (equals <= 0 || equals == text.length() - 1) {
        throw new CommandLine.TypeConversionException(
            "'"
                + text
                + "' is not ASE=VALUE; name the provider first, e.g. ase1=5000 or"
                + " ase1=https://a.example");
      }
      return new AseSetting(text.substring(0, equals), text.substring(equals + 1));
    }
  }

  /** The value as a port number, 0 (any free port) to 65535. */
  int port() {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // explained below
    }
    throw new IllegalArgumentException(
        "--port " + ase + "=" + value + ": '" + value + "' is not a port number (0 to 65535)");
  }
}
