package dev.forgeline.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mock's reader never loads Spark's SQLConf: Spark's own {@code schema(...)} does (for its
 * CHAR/VARCHAR check and its DDL parser), and loading SQLConf runs Spark's local host lookup (3 s
 * on some machines, and a WARN in a mock test). Whether a class is loaded is a property of a JVM,
 * so the program runs in a fresh one ({@link ColdReaderProgram}) on this test's classpath, which
 * has spark-catalyst as a Spark project's test classpath does.
 */
class ReaderColdStartTest {

  @Test
  void schemaOnTheMockReaderLoadsNoSqlConf(@TempDir Path dir) throws Exception {
    Map<String, String> out = run(dir);
    assertEquals("[[1,Ann], [2,Bo]]", out.get("parquetRows"));
    assertEquals("[[3,Cy]]", out.get("csvRows"));
    assertEquals("UNSUPPORTED_CHAR_OR_VARCHAR_AS_STRING", out.get("varchar"));
    assertEquals("false", out.get("sqlConfLoaded"), out::toString);
    assertEquals("false", out.get("utilsLoaded"), out::toString);
    // The control: the same check sees the load that building a Column causes in Spark's code.
    assertEquals("true", out.get("sqlConfLoadedAfterColumn"), out::toString);
  }

  private static Map<String, String> run(Path dir) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-Djdk.") || a.startsWith("-Dio.netty")) {
        cmd.add(a);
      }
    }
    if (!cmd.contains("--add-opens=java.base/java.lang=ALL-UNNAMED")) {
      cmd.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ColdReaderProgram.class.getName());
    cmd.add(dir.toString());
    Path log = dir.resolve("child.log");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the program did not finish in 120 s");
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), text);
    Map<String, String> values = new HashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && line.substring(0, eq).matches("[A-Za-z]+")) {
        values.put(line.substring(0, eq), line.substring(eq + 1).trim());
      }
    }
    return values;
  }
}
