package dev.opkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./sandbox} script keeps its class-data archive usable when the jar is rebuilt by
 * something else (mvn, {@code ./opm}, {@code ./benchmark}): a stale archive is silently ignored by
 * the JVM, so starts would lose the speed-up without a word. Runs the real script on the real jar
 * (built by the reactor before this module).
 */
class SandboxScriptArchiveTest {
  private static final Path REPO = Path.of("..");

  @Test
  void sandboxScriptWhenTheJarWasRebuiltThenRecordsAnArchiveTheJvmAccepts(@TempDir Path dir)
      throws Exception {
    Path checkout = dir.resolve("checkout");
    Instant sourcesTime = Instant.now().minusSeconds(3600);
    for (String folder : List.of("protocol/src", "mock-server/src")) {
      Files.createDirectories(checkout.resolve(folder));
      Files.setLastModifiedTime(checkout.resolve(folder), FileTime.from(sourcesTime));
    }
    for (String pom : List.of("pom.xml", "protocol/pom.xml", "mock-server/pom.xml")) {
      Files.writeString(checkout.resolve(pom), "<project/>");
      Files.setLastModifiedTime(checkout.resolve(pom), FileTime.from(sourcesTime));
    }
    Path jar = checkout.resolve(SandboxLauncher.JAR);
    Files.createDirectories(jar.getParent());
    Files.copy(REPO.resolve(SandboxLauncher.JAR), jar);
    Files.copy(REPO.resolve("sandbox"), checkout.resolve("sandbox"));
    Path archive = checkout.resolve("mock-server/target/mock-server.jsa");

    Result first = run(checkout, "sh", "sandbox", "--check");
    assertThat(first.code()).as(first.out()).isZero();
    assertThat(archive).exists();
    assertThat(first.out()).contains("Recording a class-data archive");

    // A rebuilt jar, with a time later than the recording that follows will finish (as a jar
    // copied from a machine whose clock is ahead has): the script compared the two files' times
    // and so recorded again on every later start.
    Files.setLastModifiedTime(
        jar, FileTime.from(Files.getLastModifiedTime(archive).toInstant().plusSeconds(60)));
    Result again = run(checkout, "sh", "sandbox", "--check");
    assertThat(again.code()).as(again.out()).isZero();
    assertThat(again.out()).contains("Recording a class-data archive");

    // -Xshare:on refuses to start with an archive that does not match the jar.
    // With the collector the script starts the JVM with (SandboxJvmOptionsTest keeps it equal).
    List<String> strictCommand = new java.util.ArrayList<>(List.of("java"));
    strictCommand.addAll(SandboxLauncher.COLLECTOR);
    strictCommand.addAll(
        List.of(
            "-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-jar", jar.toString(), "--check"));
    Result strict = run(checkout, strictCommand.toArray(String[]::new));
    assertThat(strict.code()).as(strict.out()).isZero();

    Result third = run(checkout, "sh", "sandbox", "--check");
    assertThat(third.out()).doesNotContain("Recording");
  }

  private record Result(int code, String out) {}

  private static Result run(Path directory, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out);
  }
}
