package dev.opkit.client.recurring;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.opkit.protocol.ProtocolException;
import dev.opkit.protocol.json.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the state in a JSON file. Each save writes a temporary file beside it and moves it over the
 * old one atomically ({@code Files.move} with {@code ATOMIC_MOVE}), so a crash leaves either the
 * old state or the new one, never half of one. The file holds access tokens, so on POSIX systems it
 * is readable by its owner only.
 */
public final class FileScheduleStore implements ScheduleStore {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final ObjectWriter WRITER = Json.mapper().writerWithDefaultPrettyPrinter();

  private final Path file;

  public FileScheduleStore(Path file) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
  }

  /** The state file. */
  public Path file() {
    return file;
  }

  @Override
  public Optional<ScheduleState> load() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new StateFileException("cannot read the state file " + file + ": " + e.getMessage(), e);
    }
    ScheduleState state;
    try {
      state = Json.read(bytes, ScheduleState.class);
    } catch (ProtocolException e) {
      throw new StateFileException(
          "the state file " + file + " is not a schedule this version can read: " + e.getMessage(),
          e);
    }
    if (state.version() != ScheduleState.VERSION) {
      throw new StateFileException(
          "the state file "
              + file
              + " has format version "
              + state.version()
              + "; this opm reads version "
              + ScheduleState.VERSION);
    }
    return Optional.of(state);
  }

  @Override
  public void save(ScheduleState state) {
    Path directory = file.getParent();
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, file.getFileName() + ".", ".tmp");
      try {
        restrict(temporary);
        Files.write(temporary, WRITER.writeValueAsBytes(state));
        move(temporary);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new StateFileException(
          "cannot save the schedule to " + file + ": " + e.getMessage(), e);
    }
  }

  private void move(Path temporary) throws IOException {
    try {
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
      throw new IOException(
          "the file system cannot replace " + file + " atomically; keep it on a local disk", e);
    }
  }

  private static void restrict(Path path) throws IOException {
    if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
      Files.setPosixFilePermissions(path, OWNER_ONLY);
    }
  }

  @Override
  public String describe() {
    return file.toString();
  }
}
