package dev.opkit.mock.sandbox;

/** A provider could not listen: another process holds its port. */
public final class PortInUseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PortInUseException(String ase, String host, int port, Throwable cause) {
    super(
        ase
            + " cannot listen on "
            + host
            + ":"
            + port
            + ": the address is already in use by another process (another sandbox?); stop it"
            + " or choose another port with --port "
            + ase
            + "=PORT",
        cause);
  }
}
