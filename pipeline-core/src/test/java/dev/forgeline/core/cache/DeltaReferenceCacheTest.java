package dev.forgeline.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Inject;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.forgeline.core.Delivery;
import dev.forgeline.core.Factory;
import dev.forgeline.core.LocalSpark;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.connector.Connectors;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On Spark with Delta: an output that is exactly the Delta table its step has just written is
 * stored as a reference to the committed version (no copy of its rows), served while that version
 * is still the table's newest, and a miss once anything else commits to the table. Copies of other
 * outputs are written in the background and are complete when the run returns.
 */
class DeltaReferenceCacheTest {
  private final SparkSession spark = LocalSpark.session();
  @TempDir Path dir;
  @TempDir Path cacheDir;

  @BeforeEach
  void inputs() throws Exception {
    CacheFixtures.PROCESSED.clear();
    Files.writeString(dir.resolve("people.csv"), "name,age\nada,36\nbob,12\ncyd,70\n");
  }

  private Config config(String appendMode) {
    return ConfigFactory.parseString(
            "forgeline.connectors {\n"
                + "  people-csv { type = csv, path = \""
                + dir.resolve("people.csv")
                + "\", options { header = true, inferSchema = true } }\n"
                + "  people-delta { type = delta, path = \""
                + dir.resolve("people")
                + "\", save-mode = overwrite }\n"
                + "  adults-delta { type = delta, path = \""
                + dir.resolve("adults")
                + "\", save-mode = overwrite }\n"
                + "  log-delta { type = delta, path = \""
                + dir.resolve("log")
                + "\", save-mode = "
                + appendMode
                + " }\n"
                + "}\n")
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
  }

  /** Writes the CSV to a Delta table and returns the table's read, as a bronze step does. */
  @Cacheable(reads = "people-csv")
  public static final class Ingest implements Factory<Dataset<Row>> {
    @Inject Connectors connectors;
    private Dataset<Row> raw;

    @Override
    public void read() {
      raw = connectors.get("people-csv").read();
    }

    @Override
    public void write() {
      CacheFixtures.PROCESSED
          .computeIfAbsent("Ingest", k -> new java.util.concurrent.atomic.AtomicInteger())
          .incrementAndGet();
      connectors.get("people-delta").write(raw);
    }

    @Override
    public Dataset<Row> get() {
      return connectors.get("people-delta").read();
    }
  }

  /** Overwrites a table with its result and returns the result it wrote, as a gold step does. */
  @Cacheable
  public static final class Adults implements Factory<Dataset<Row>> {
    @Inject Connectors connectors;

    @Delivery(id = "Ingest")
    Dataset<Row> people;

    private Dataset<Row> adults;

    @Override
    public void process() {
      adults = people.filter(functions.col("age").geq(18)).select("name", "age");
    }

    @Override
    public void write() {
      connectors.get("adults-delta").write(adults);
    }

    @Override
    public Dataset<Row> get() {
      return adults;
    }
  }

  /** Appends to a table: the table holds more than the output, so the output is copied. */
  @Cacheable
  public static final class Log implements Factory<Dataset<Row>> {
    @Inject Connectors connectors;

    @Delivery(id = "Adults")
    Dataset<Row> adults;

    private Dataset<Row> names;

    @Override
    public void process() {
      names = adults.select("name");
    }

    @Override
    public void write() {
      connectors.get("log-delta").write(names);
    }

    @Override
    public Dataset<Row> get() {
      return names;
    }
  }

  private Pipeline pipeline(String logMode) {
    Config config = config(logMode);
    Connectors connectors = Connectors.fromConfig(config, () -> spark);
    return Pipeline.builder("delta-refs")
        .spark(spark)
        .config(config)
        .modules(b -> b.bind(Connectors.class).toInstance(connectors))
        .cache(ResultCache.onDisk(cacheDir))
        .stage("all", s -> s.add(Ingest.class).add(Adults.class).add(Log.class))
        .build();
  }

  private Properties meta(ResultCache cache, String factoryId) throws IOException {
    String key =
        cache.entries().stream()
            .filter(e -> e.factoryId().equals(factoryId))
            .findFirst()
            .orElseThrow()
            .key();
    Properties p = new Properties();
    try (InputStream in =
        Files.newInputStream(cacheDir.resolve("entries").resolve(key).resolve("meta.properties"))) {
      p.load(in);
    }
    return p;
  }

  private static Map<String, Status> statuses(PipelineReport r) {
    return r.steps().stream()
        .collect(
            Collectors.toMap(StepResult::factoryId, StepResult::status, (a, b) -> a, TreeMap::new));
  }

  private static List<String> names(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(r -> r.<String>getAs("name")).sorted().toList();
  }

  @Test
  void tablesTheStepOverwroteAreReferencedByVersionAndOtherOutputsAreCopied() throws Exception {
    Pipeline p = pipeline("append");
    PipelineReport first = p.run();
    assertThat(statuses(first).values()).containsOnly(Status.SUCCESS);
    ResultCache cache = p.cache();

    // The read of the table Ingest wrote, and the result Adults overwrote its table with: versions.
    Properties ingest = meta(cache, "Ingest");
    assertThat(ingest.getProperty("delta.location")).isEqualTo(dir.resolve("people").toString());
    assertThat(ingest.getProperty("delta.version")).isEqualTo("0");
    assertThat(ingest.stringPropertyNames()).noneMatch(k -> k.startsWith("file."));
    assertThat(meta(cache, "Adults").getProperty("delta.location"))
        .isEqualTo(dir.resolve("adults").toString());
    // Appending: the table is more than the output, so the output is copied (in the background,
    // complete when run() returned).
    Properties log = meta(cache, "Log");
    assertThat(log.getProperty("delta.location")).isNull();
    assertThat(log.stringPropertyNames()).anyMatch(k -> k.startsWith("file.data/"));

    PipelineReport again = p.run();
    assertThat(statuses(again).values()).containsOnly(Status.CACHED);
    assertThat(names(p.output("Ingest", CacheOnMockTest.ROWS)))
        .containsExactly("ada", "bob", "cyd");
    assertThat(names(p.output("Adults", CacheOnMockTest.ROWS))).containsExactly("ada", "cyd");
    assertThat(names(p.output("Log", CacheOnMockTest.ROWS))).containsExactly("ada", "cyd");
    assertThat(CacheFixtures.processed("Ingest")).isEqualTo(1);
  }

  @Test
  void aReferencedTableThatMovedOnIsAMissAndTheStepWritesItAgain() throws Exception {
    Pipeline p = pipeline("overwrite");
    p.run();
    // Someone else commits to the table Ingest wrote: version 0 is no longer its content.
    spark
        .createDataFrame(
            List.of(org.apache.spark.sql.RowFactory.create("eve", 50)),
            spark.read().format("delta").load(dir.resolve("people").toString()).schema())
        .write()
        .format("delta")
        .mode("append")
        .save(dir.resolve("people").toString());

    PipelineReport again = p.run();
    // Ingest runs again (its inputs are unchanged, but the version it referred to is superseded):
    // it overwrites the table, so its consumers' keys are unchanged and they are served.
    assertThat(statuses(again))
        .containsEntry("Ingest", Status.SUCCESS)
        .containsEntry("Adults", Status.CACHED)
        .containsEntry("Log", Status.CACHED);
    assertThat(CacheFixtures.processed("Ingest")).isEqualTo(2);
    assertThat(names(p.output("Ingest", CacheOnMockTest.ROWS)))
        .containsExactly("ada", "bob", "cyd");
    assertThat(meta(p.cache(), "Ingest").getProperty("delta.version")).isEqualTo("2");
    try (Stream<Path> s = Files.list(cacheDir.resolve("entries"))) {
      assertThat(s.count()).isEqualTo(3);
    }
  }
}
