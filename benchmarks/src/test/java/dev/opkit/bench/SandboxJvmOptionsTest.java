package dev.opkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The collector chosen in docs/benchmarks.md runs everywhere the sandbox is started from this
 * repository: {@code ./sandbox}, the Docker image's {@code JAVA_OPTS} default and the benchmark's
 * sandbox.
 */
class SandboxJvmOptionsTest {
  private static final Path REPO = Path.of("..");

  @Test
  void collectorWhenReadFromTheScriptThenTheBenchmarksAndTheDockerImagesToo() throws IOException {
    List<String> script = options(REPO.resolve("sandbox"), "^default_jvm_options=\"([^\"]*)\"");
    List<String> docker = options(REPO.resolve("docker/Dockerfile"), "JAVA_OPTS=\"([^\"]*)\"");

    assertThat(script).isEqualTo(SandboxLauncher.COLLECTOR);
    assertThat(docker).containsAll(SandboxLauncher.COLLECTOR);
  }

  private static List<String> options(Path file, String pattern) throws IOException {
    Matcher m = Pattern.compile(pattern, Pattern.MULTILINE).matcher(Files.readString(file));
    assertThat(m.find()).as("%s has %s", file, pattern).isTrue();
    return List.of(m.group(1).trim().split("\\s+"));
  }
}
