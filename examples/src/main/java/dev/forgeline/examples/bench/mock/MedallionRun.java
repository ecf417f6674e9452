package dev.forgeline.examples.bench.mock;

import dev.forgeline.core.cli.ForgelineCli;
import dev.forgeline.examples.medallion.MedallionPipeline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The medallion pipeline end to end through its command-line path (CSV read, Delta tables written,
 * the repository's upsert) on one session, for the mock-vs-spark benchmark.
 */
public final class MedallionRun {
  private static final Path DATA = Path.of("src/main/resources/medallion/data").toAbsolutePath();

  private MedallionRun() {}

  /**
   * Runs the pipeline on {@code session} into {@code out}.
   *
   * @return the run's wall time in milliseconds
   * @throws IllegalStateException when the run does not succeed, with its error output
   */
  public static double run(SparkSession session, Path out) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ForgelineCli cli =
        new ForgelineCli(
            Map.of(),
            new Properties(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            settings -> session,
            false);
    long t0 = System.nanoTime();
    int code =
        cli.run(
            "--pipeline",
            MedallionPipeline.class.getName(),
            "--env",
            "dev",
            "-Dmedallion.input-dir=" + DATA,
            "-Dmedallion.output-dir=" + out.toAbsolutePath());
    double ms = (System.nanoTime() - t0) / 1e6;
    if (code != ForgelineCli.OK) {
      throw new IllegalStateException(
          "medallion run failed: " + err.toString(StandardCharsets.UTF_8));
    }
    return ms;
  }

  /** The gold tables' rows as sorted text, to check that both backends computed the same. */
  public static List<String> gold(SparkSession session, Path out) {
    List<String> rows = new java.util.ArrayList<>();
    for (String t : List.of("revenue_by_country", "revenue_by_category", "customer_totals")) {
      session
          .read()
          .format("delta")
          .load(out.resolve("gold").resolve(t).toString())
          .collectAsList()
          .stream()
          .map(Row::toString)
          .sorted()
          .forEach(r -> rows.add(t + " " + r));
    }
    return rows;
  }
}
