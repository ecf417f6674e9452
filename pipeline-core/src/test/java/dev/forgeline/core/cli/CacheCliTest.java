package dev.forgeline.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Inject;
import dev.forgeline.core.Delivery;
import dev.forgeline.core.Factory;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.cache.Cacheable;
import dev.forgeline.core.connector.Connectors;
import dev.forgeline.mock.MockSparkSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --select}, {@code --from} and {@code cache list|clear} on the command line, on the mock.
 */
class CacheCliTest {
  @TempDir Path dir;
  private ByteArrayOutputStream out = new ByteArrayOutputStream();
  private ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final SparkSession spark = MockSparkSession.create();
  private Path conf;

  /** Reads the numbers file. */
  @Cacheable(reads = "numbers", tags = "bronze")
  public static final class Numbers implements Factory<Dataset<Row>> {
    @Inject Connectors connectors;
    private Dataset<Row> rows;

    @Override
    public void read() {
      rows = connectors.get("numbers").read();
    }

    @Override
    public Dataset<Row> get() {
      return rows;
    }
  }

  /** Counts the numbers. */
  @Cacheable(tags = "gold")
  public static final class Total implements Factory<Long> {
    @Delivery Dataset<Row> numbers;

    @Override
    public Long get() {
      return numbers.count();
    }
  }

  /** The pipeline the command line runs. */
  public static final class Definition implements PipelineDefinition {
    @Override
    public String name() {
      return "numbers";
    }

    @Override
    public void define(Pipeline.Builder pipeline) {
      pipeline.stage("bronze", s -> s.add(Numbers.class)).stage("gold", s -> s.add(Total.class));
    }
  }

  @BeforeEach
  void files() throws Exception {
    Files.writeString(dir.resolve("numbers.csv"), "n\n1\n2\n3\n");
    conf =
        Files.writeString(
            dir.resolve("application.conf"),
            "forgeline.connectors.numbers { type = csv, path = \""
                + dir.resolve("numbers.csv")
                + "\", options { header = true } }\n"
                + "forgeline.cache { storage = disk, dir = \""
                + dir.resolve("cache")
                + "\" }\n"
                + "forgeline.report.dir = \""
                + dir.resolve("reports")
                + "\"\n");
  }

  private int run(String... args) {
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
    ForgelineCli cli =
        new ForgelineCli(
            Map.of(),
            new Properties(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            settings -> spark,
            false);
    return cli.run(args);
  }

  private int pipeline(String... extra) {
    String[] base = {"--pipeline", Definition.class.getName(), "--config", conf.toString()};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return run(all);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aRerunIsServedFromTheDiskCacheAndCacheListShowsTheEntries() {
    assertThat(pipeline()).isZero();
    assertThat(out()).contains("2 succeeded").contains("cache: 0 hits, 2 misses");
    assertThat(pipeline()).isZero();
    assertThat(out()).contains("0 succeeded").contains("2 cached (cache: 2 hits, 0 misses)");

    assertThat(run("cache", "list", "--config", conf.toString())).isZero();
    assertThat(out())
        .contains(": 2 entries")
        .contains("Numbers")
        .contains("Total")
        .contains("tags [gold]");
    assertThat(run("cache", "list", "--tag", "bronze", "--config", conf.toString())).isZero();
    assertThat(out()).contains(": 1 entry").contains("Numbers").doesNotContain("Total ");
  }

  @Test
  void cacheClearByFactoryThenSelectRecomputesOnlyThatFactory() {
    assertThat(pipeline()).isZero();
    assertThat(run("cache", "clear", "--factory", "Total", "--config", conf.toString())).isZero();
    assertThat(out()).contains("Removed 1 entry from disk " + dir.resolve("cache"));
    assertThat(pipeline("--select", "gold")).isZero();
    assertThat(out()).contains("1 succeeded").contains("1 cached (cache: 1 hits, 1 misses)");
    assertThat(run("cache", "clear", "--dir", dir.resolve("cache").toString())).isZero();
    assertThat(out()).contains("Removed 2 entries");
    assertThat(pipeline("--from", "Numbers")).isZero();
    assertThat(out()).contains("2 succeeded");
  }

  @Test
  void badSelectionsAndCacheCommandsAreClearErrors() {
    assertThat(pipeline("--select", "glod")).isEqualTo(ForgelineCli.FAILED);
    assertThat(err()).contains("[Forgeline/UnknownSelection]").contains("--select [glod]");
    assertThat(pipeline("--select", "a,,b")).isEqualTo(ForgelineCli.USAGE);
    assertThat(err()).contains("--select needs comma-separated names but was [a,,b]");
    assertThat(run("cache")).isEqualTo(ForgelineCli.USAGE);
    assertThat(err()).contains("cache needs an action: list or clear");
    assertThat(
            run("cache", "list", "-Dforgeline.cache.storage=memory", "--config", conf.toString()))
        .isEqualTo(ForgelineCli.FAILED);
    assertThat(err()).contains("no disk result cache is configured").contains("[memory]");
  }
}
