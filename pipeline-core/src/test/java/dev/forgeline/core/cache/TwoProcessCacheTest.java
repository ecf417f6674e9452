package dev.forgeline.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Separate JVMs sharing one disk cache directory, as consecutive spark-submits do: the second
 * process is served what the first stored, and two processes started together over an empty cache
 * both succeed and leave one entry per key.
 */
class TwoProcessCacheTest {
  @TempDir Path dir;
  @TempDir Path cacheDir;

  @BeforeEach
  void inputs() throws Exception {
    CacheFixtures.writeInputs(dir);
  }

  private Process start() throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("--add-exports")) {
        cmd.add(a);
      }
    }
    cmd.add("-Xmx512m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(CacheProcessMain.class.getName());
    cmd.add(dir.toString());
    cmd.add(cacheDir.toString());
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  private static List<String> finish(Process p) throws Exception {
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("child process output:%n%s", text).isZero();
    return text.lines().filter(l -> l.startsWith("STEP ") || l.startsWith("ADULTS ")).toList();
  }

  @Test
  void aSecondProcessIsServedWhatTheFirstStored() throws Exception {
    List<String> first = finish(start());
    assertThat(first)
        .contains("STEP ReadPeople=SUCCESS", "STEP Adults=SUCCESS", "STEP AdultCount=SUCCESS")
        .contains("ADULTS 2");

    List<String> second = finish(start());
    assertThat(second.stream().filter(l -> l.startsWith("STEP ")))
        .hasSize(5)
        .allMatch(l -> l.endsWith("=CACHED"));
    assertThat(second).contains("ADULTS 2");

    // A changed input invalidates across processes too.
    Files.writeString(dir.resolve("people.csv"), "name,age\nada,36\nbob,12\ncyd,70\ndan,40\n");
    List<String> third = finish(start());
    assertThat(third).contains("STEP ReadPeople=SUCCESS", "STEP CityNames=CACHED", "ADULTS 3");
  }

  @Test
  void twoProcessesStartedTogetherBothSucceedAndStoreEachKeyOnce() throws Exception {
    Process a = start();
    Process b = start();
    assertThat(finish(a)).contains("ADULTS 2");
    assertThat(finish(b)).contains("ADULTS 2");
    assertThat(ResultCache.onDisk(cacheDir).entries()).hasSize(5);
    assertThat(finish(start()).stream().filter(l -> l.startsWith("STEP ")))
        .allMatch(l -> l.endsWith("=CACHED"));
  }
}
