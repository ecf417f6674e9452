package dev.forgeline.examples.medallion;

import dev.forgeline.core.cli.ForgelineCli;
import dev.forgeline.core.config.ConfigLoader;
import dev.forgeline.core.config.LoadedConfig;
import dev.forgeline.core.connector.ConnectorType;
import dev.forgeline.core.connector.Connectors;
import dev.forgeline.writer.LogReader;
import dev.forgeline.writer.LogSettings;
import dev.forgeline.writer.LogTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the medallion pipeline on embedded local Spark (the {@code dev} environment unless another
 * is chosen) and prints where the Delta tables, the run report and the run log went, with the run
 * log's last runs. Extra arguments are passed to the command line ({@code --env}, {@code
 * -Dkey=value}, {@code --dry-run}).
 */
public final class MedallionMain {
  private MedallionMain() {}

  public static void main(String[] args) {
    List<String> all = new ArrayList<>(List.of("--pipeline", MedallionPipeline.class.getName()));
    boolean envChosen =
        System.getProperty(ConfigLoader.ENV_PROPERTY) != null
            || System.getenv(ConfigLoader.ENV_VARIABLE) != null
            || Arrays.asList(args).contains("--env");
    if (!envChosen) {
      all.addAll(List.of("--env", "dev"));
    }
    all.addAll(Arrays.asList(args));
    Properties props = System.getProperties();
    AtomicReference<SparkSession> session = new AtomicReference<>();
    // The session is kept open after the run so the run log can be read back from it.
    ForgelineCli cli =
        new ForgelineCli(
            System.getenv(),
            props,
            System.out,
            System.err,
            settings -> {
              session.set(
                  settings
                      .applyTo(SparkSession.builder(), props.getProperty("spark.master") != null)
                      .getOrCreate());
              return session.get();
            },
            false);
    int code = cli.run(all.toArray(String[]::new));
    try {
      if (code == ForgelineCli.OK && !all.contains("--dry-run")) {
        LoadedConfig loaded = config(envChosen ? null : "dev");
        printTables(loaded);
        if (session.get() != null) {
          printRunLog(loaded, session.get());
        }
      }
    } finally {
      if (session.get() != null) {
        session.get().stop();
      }
    }
    System.exit(code);
  }

  private static LoadedConfig config(String env) {
    ConfigLoader loader =
        ConfigLoader.builder()
            .environment(System.getenv())
            .systemProperties(System.getProperties());
    if (env != null) {
      loader.env(env);
    }
    return loader.load();
  }

  /** Where the run log is and its last five runs, newest first. */
  private static void printRunLog(LoadedConfig loaded, SparkSession spark) {
    LogSettings settings = LogSettings.from(loaded.config()).orElse(null);
    if (settings == null) {
      return;
    }
    LogTarget target = settings.target();
    System.out.println(
        "Run log: "
            + (target.isTable()
                ? "table " + target.tableName()
                : Path.of(target.pathName()).toAbsolutePath().normalize()));
    List<Row> runs =
        LogReader.open(spark, target)
            .lastRuns(5)
            .select(
                "run_start", "run_id", "pipeline", "run_status", "run_duration_ms", "steps_failed")
            .collectAsList();
    for (Row r : runs) {
      System.out.printf(
          "  %s  %s  %-10s %-7s %6d ms  %d failed%n",
          r.get(0), r.get(1), r.get(2), r.get(3), r.getLong(4), r.getInt(5));
    }
  }

  private static void printTables(LoadedConfig loaded) {
    Connectors connectors = Connectors.fromConfig(loaded.config(), () -> null);
    System.out.println("Delta tables:");
    for (String name : connectors.names()) {
      var spec = connectors.get(name).spec();
      if (spec.type() == ConnectorType.DELTA && spec.path().isPresent()) {
        System.out.printf(
            "  %-26s %s%n", name, Path.of(spec.path().get()).toAbsolutePath().normalize());
      }
    }
  }
}
