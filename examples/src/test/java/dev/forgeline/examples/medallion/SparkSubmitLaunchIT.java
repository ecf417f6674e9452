package dev.forgeline.examples.medallion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Launches the shaded {@code examples-*-all.jar} through Spark's own {@code SparkSubmit} in a child
 * JVM, the way {@code spark-submit --master local[2] --class ForgelineMain app.jar ...} does. The
 * child's classpath plays the Spark distribution: the test classpath (Spark, Delta and their
 * dependencies) without this project's classes and without the libraries only Forgeline uses, so
 * those must come from the shaded jar. Runs in the {@code integration-test} phase, after {@code
 * package} built the jar.
 */
class SparkSubmitLaunchIT {
  private static final String MAIN = "dev.forgeline.core.cli.ForgelineMain";

  /** Forgeline's own dependencies, which a Spark distribution does not ship. */
  private static final List<String> FRAMEWORK_ONLY =
      List.of(
          "/com/google/inject/",
          "/com/typesafe/config/",
          "/io/micrometer/",
          "/jakarta/inject/",
          "/aopalliance/");

  /** Test tooling, which has no place on a Spark classpath. */
  private static final List<String> TEST_ONLY =
      List.of("/org/junit/", "/org/assertj/", "/org/opentest4j/", "/org/apiguardian/", "/surefire");

  private final Path work = ExampleSpark.buildDir().resolve("spark-submit-it-" + UUID.randomUUID());

  private static Path shadedJar() {
    Path jar = Path.of(System.getProperty("examples.shaded.jar", "missing"));
    assertThat(jar)
        .as("the shaded jar (built in the package phase; run mvn verify)")
        .isRegularFile();
    return jar;
  }

  /** The checkout: surefire runs in the examples module's folder. */
  private static final Path PROJECT_ROOT = Path.of("").toAbsolutePath().getParent();

  private static String sparkClasspath() {
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(cp.split(File.pathSeparator))
        .filter(e -> !e.isBlank())
        .filter(e -> !Files.isDirectory(Path.of(e))) // target/classes, target/test-classes
        .filter(e -> !e.replace('\\', '/').contains("/dev/forgeline/"))
        // In a reactor build the modules' own jars come from their target folders.
        .filter(e -> !Path.of(e).toAbsolutePath().startsWith(PROJECT_ROOT))
        .filter(e -> FRAMEWORK_ONLY.stream().noneMatch(e.replace('\\', '/')::contains))
        .filter(e -> TEST_ONLY.stream().noneMatch(e.replace('\\', '/')::contains))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private Launch submit(String name, String... appArgs) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(Arrays.asList(System.getProperty("spark.jvm.options", "").trim().split("\\s+")));
    cmd.addAll(
        List.of(
            "-Xmx2g",
            "-cp",
            sparkClasspath(),
            "org.apache.spark.deploy.SparkSubmit",
            "--master",
            "local[2]",
            "--conf",
            "spark.ui.enabled=false",
            "--conf",
            "spark.sql.shuffle.partitions=2",
            "--class",
            MAIN,
            shadedJar().toString(),
            "--pipeline",
            MedallionPipeline.class.getName(),
            "--env",
            "dev",
            "-Dmedallion.output-dir=" + work.resolve("out")));
    cmd.addAll(Arrays.asList(appArgs));
    Files.createDirectories(work);
    Path out = work.resolve(name + ".out");
    Path err = work.resolve(name + ".err");
    Process p =
        new ProcessBuilder(cmd)
            .directory(Path.of("").toAbsolutePath().toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(
          "spark-submit " + name + " did not finish in 10 minutes; see " + err);
    }
    return new Launch(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private record Launch(int exitCode, String out, String err) {
    String describe() {
      String tail = err.length() > 4000 ? err.substring(err.length() - 4000) : err;
      return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr (tail):\n" + tail;
    }
  }

  @Test
  void shadedJarCarriesForgelineAndItsLibrariesButNotSparkOrDelta() throws IOException {
    try (JarFile jar = new JarFile(shadedJar().toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(MAIN);
      assertThat(jar.getEntry("dev/forgeline/examples/medallion/MedallionPipeline.class"))
          .isNotNull();
      assertThat(jar.getEntry("com/google/inject/Guice.class")).isNotNull();
      assertThat(jar.getEntry("com/typesafe/config/ConfigFactory.class")).isNotNull();
      assertThat(
              jar.stream()
                  .map(e -> e.getName())
                  .filter(n -> n.startsWith("org/apache/spark/") || n.startsWith("io/delta/")))
          .isEmpty();
    }
  }

  @Test
  void sparkSubmitRunsTheMedallionPipelineFromTheShadedJar() throws Exception {
    Launch dry = submit("dry-run", "--dry-run");

    assertThat(dry.exitCode()).as(dry.describe()).isZero();
    assertThat(dry.out())
        .as(dry.describe())
        .contains("Dry run: configuration and graph are valid; nothing was run.")
        .contains("environment: dev")
        .contains("gold-customer-totals: delta");
    assertThat(work.resolve("out/gold")).doesNotExist();

    Launch real = submit("run");

    assertThat(real.exitCode()).as(real.describe()).isZero();
    assertThat(real.out())
        .as(real.describe())
        .contains("SUCCESS: pipeline [medallion]")
        .contains("9 succeeded, 0 failed")
        .contains("report: ");
    for (String table : List.of("revenue_by_country", "revenue_by_category", "customer_totals")) {
      assertThat(work.resolve("out/gold").resolve(table).resolve("_delta_log")).isDirectory();
    }
    try (var reports = Files.list(work.resolve("out/reports"))) {
      assertThat(reports.filter(f -> f.toString().endsWith(".json"))).hasSize(1);
    }
    // The distribution has no log4j2 file, so the CLI's own configuration applies: Spark at WARN,
    // Forgeline's run and step lines at INFO.
    assertThat(real.err())
        .as(real.describe())
        .contains("INFO  steps: Factory [CleanOrders] started in stage [silver]")
        .containsPattern("INFO  steps: Factory \\[CleanOrders\\] SUCCESS in \\d+ ms");
    assertThat(real.err().lines().filter(l -> l.contains(" INFO ")))
        .as("INFO lines that are not Forgeline's")
        .allMatch(l -> l.contains("INFO  steps: ") || l.contains("INFO  Scheduler: "));
  }
}
