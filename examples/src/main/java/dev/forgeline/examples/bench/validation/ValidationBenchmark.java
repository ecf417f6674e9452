package dev.forgeline.examples.bench.validation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import dev.forgeline.examples.bench.Benchmark;
import dev.forgeline.examples.bench.Results;
import dev.forgeline.validation.QuarantineSplit;
import dev.forgeline.validation.Rule;
import dev.forgeline.validation.ValidationOutcome;
import dev.forgeline.validation.Validator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The cost of validation on local Spark: ten rules of mixed kinds over 1,000,000 generated rows,
 * cached, counted in one pass, against a bare {@code count()} of the same cached data (and a scan
 * of the rules' columns), against one filter-and-count per rule on the same data (and on a CSV
 * file), and the quarantine split written to Parquet, its counts observed during the writes,
 * against writing the input unvalidated. Each figure is a ratio of medians measured side by side in
 * one run.
 */
public final class ValidationBenchmark implements Benchmark {
  private static final long ROWS = 1_000_000;
  private static final int WARMUPS = 1;
  private static final int RUNS = 3;

  @Override
  public String name() {
    return "validation";
  }

  @Override
  public String description() {
    return "10 mixed rules on 1M rows: one pass vs bare count, vs a job per rule; quarantine split";
  }

  @Override
  public void run(Results results, PrintStream log) throws IOException {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("forgeline-validation-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    Path dir = Files.createTempDirectory("forgeline-validation-bench");
    try {
      measure(spark, dir, results, log);
    } finally {
      spark.stop();
      delete(dir);
    }
  }

  static List<Rule> rules() {
    return List.of(
        Rule.notNull("id"),
        Rule.notNull("email").named("email present").warn(),
        Rule.between("amount", 0, 990).drop(),
        Rule.range("amount", -10, false, 1000, false).named("amount sane"),
        Rule.in("status", "paid", "open", "shipped", "returned").drop(),
        Rule.notIn("status", "lost").warn(),
        Rule.matches("email", "^[a-z0-9]+@[a-z]+\\.org$").drop(),
        Rule.length("code", 3, 8).warn(),
        Rule.expression("quantity within amount", "quantity <= amount + 10").warn(),
        Rule.of("code starts with C", col("code").startsWith("C"), "code").warn());
  }

  /** Generated orders: every rule fails on a few percent of rows, some by a null. */
  static Dataset<Row> orders(SparkSession spark) {
    Column id = col("id");
    Column status =
        when(id.mod(50).equalTo(0), lit("lost"))
            .when(id.mod(4).equalTo(0), lit("paid"))
            .when(id.mod(4).equalTo(1), lit("open"))
            .when(id.mod(4).equalTo(2), lit("shipped"))
            .otherwise(lit("returned"));
    return spark
        .range(ROWS)
        .select(
            id,
            id.mod(1000).minus(5).cast("double").as("amount"),
            id.mod(7).cast("int").as("quantity"),
            status.as("status"),
            when(id.mod(101).equalTo(0), lit(null).cast("string"))
                .when(id.mod(89).equalTo(0), lit("not-an-email"))
                .otherwise(concat(lit("u"), id.cast("string"), lit("@x.org")))
                .as("email"),
            when(id.mod(77).equalTo(0), lit("X"))
                .otherwise(concat(lit("C"), id.mod(9999).cast("string")))
                .as("code"));
  }

  private void measure(SparkSession spark, Path dir, Results results, PrintStream log) {
    // The data as a pipeline meets it: a CSV file (a landing zone; every job parses it whole, as a
    // job per rule does in real use) and the same rows cached in memory.
    String table = dir.resolve("orders-csv").toString();
    orders(spark).write().mode(SaveMode.Overwrite).option("header", "true").csv(table);
    Dataset<Row> files =
        spark.read().option("header", "true").schema(orders(spark).schema()).csv(table);
    Dataset<Row> data = orders(spark).cache();
    long rows = data.count();
    Validator validator = Validator.of(rules());
    Validator withoutRegex =
        Validator.of(rules().stream().filter(r -> r.kind() != Rule.Kind.REGEX).toList());
    ValidationOutcome outcome = validator.validate(data);
    log.printf("%d rows cached; %s", rows, outcome);

    // Variants alternate within each trial, so a change in the machine's load (it is shared)
    // touches all of them alike; each figure is a ratio of medians.
    double[] cached =
        interleavedMedianMs(
            WARMUPS,
            RUNS,
            () -> data.count(),
            () -> scanRuleColumns(data),
            () -> validator.validate(data),
            () -> perRuleJobs(data),
            () -> withoutRegex.validate(data));
    log.printf(
        "cached: count() %.1f ms, scan of the rules' columns %.1f ms, one-pass validation %.1f ms,"
            + " one filter+count per rule %.1f ms, one pass without the regex rule %.1f ms%n",
        cached[0], cached[1], cached[2], cached[3], cached[4]);
    results.put("validation_over_bare_scan", cached[2] / cached[0]);
    results.put("validation_over_column_scan", cached[2] / cached[1]);
    results.put("per_rule_over_single_pass", cached[3] / cached[2]);
    results.put("validation_without_regex_over_bare_scan", cached[4] / cached[0]);
    // The same on a CSV file, where every per-rule job parses the file again: two trials, no
    // warm-up (ten jobs that each parse a million lines per trial).
    double[] onFiles =
        interleavedMedianMs(0, 2, () -> validator.validate(files), () -> perRuleJobs(files));
    log.printf(
        "csv: one-pass validation %.1f ms, one filter+count per rule %.1f ms%n",
        onFiles[0], onFiles[1]);
    results.put("per_rule_over_single_pass_csv", onFiles[1] / onFiles[0]);

    QuarantineSplit check = validator.split(data);
    ValidationOutcome split = check.write(v -> v.collectAsList(), q -> q.collectAsList());
    if (!check.observed() || !split.failuresByRule().equals(outcome.failuresByRule())) {
      throw new IllegalStateException(
          "the split's counts were not observed during its writes or differ from the count pass: "
              + split.failuresByRule()
              + " against "
              + outcome.failuresByRule());
    }
    double[] writes =
        interleavedMedianMs(
            WARMUPS,
            RUNS,
            () -> {
              data.write().mode(SaveMode.Overwrite).parquet(dir.resolve("plain").toString());
              return null;
            },
            () ->
                validator
                    .split(data)
                    .write(
                        v -> v.write().mode(SaveMode.Overwrite).parquet(path(dir, "valid")),
                        q -> q.write().mode(SaveMode.Overwrite).parquet(path(dir, "quarantine")))
                    .invalidRows(),
            () -> {
              ValidationOutcome o = validator.validate(data);
              o.valid().write().mode(SaveMode.Overwrite).parquet(path(dir, "valid2"));
              o.quarantined().write().mode(SaveMode.Overwrite).parquet(path(dir, "quarantine2"));
              return o.invalidRows();
            });
    log.printf(
        "write unvalidated %.1f ms, split (counts observed during the two writes) %.1f ms,"
            + " validate then write valid and quarantined %.1f ms%n",
        writes[0], writes[1], writes[2]);
    results.put("quarantine_split_over_bare_scan", writes[1] / writes[0]);
    results.put("validate_then_write_over_bare_scan", writes[2] / writes[0]);
    data.unpersist();
  }

  private static String path(Path dir, String name) {
    return dir.resolve(name).toString();
  }

  /**
   * One job that reads every column the rules read and does nothing else with them (a non-null
   * count each): what any check of those columns pays before it evaluates a rule. A bare {@code
   * count()} of cached data reads no column at all.
   */
  private static Object scanRuleColumns(Dataset<Row> data) {
    Column[] counts =
        Stream.of("id", "amount", "quantity", "status", "email", "code")
            .map(c -> count(col(c)))
            .toArray(Column[]::new);
    return data.agg(counts[0], Arrays.copyOfRange(counts, 1, counts.length)).first();
  }

  /**
   * Each rule as its own job, as a hand-written check (or a tool with a job per check) runs it:
   * {@code data.filter(not(rule)).count()}, NULL counted as failing as the validator counts it.
   */
  private static Object perRuleJobs(Dataset<Row> data) {
    long sum = 0;
    for (Rule r : rules()) {
      sum += data.filter(not(coalesce(condition(r), lit(false)))).count();
    }
    return sum;
  }

  /** The rule's condition as a per-rule job would write it by hand. */
  private static Column condition(Rule r) {
    return switch (r.kind()) {
      case NOT_NULL -> col(r.columns().get(0)).isNotNull();
      case RANGE ->
          r.name().equals("amount sane")
              ? col("amount").gt(-10).and(col("amount").lt(1000))
              : col("amount").between(0, 990);
      case IN_SET -> col("status").isin("paid", "open", "shipped", "returned");
      case NOT_IN_SET -> not(col("status").isin("lost"));
      case REGEX -> col("email").rlike(r.text());
      case LENGTH -> org.apache.spark.sql.functions.length(col("code")).between(3, 8);
      case EXPRESSION -> org.apache.spark.sql.functions.expr(r.text());
      case CONDITION -> col("code").startsWith("C");
      default -> throw new IllegalStateException("no uniqueness or reference rule here: " + r);
    };
  }

  @SafeVarargs
  private static double[] interleavedMedianMs(int warmups, int runs, Supplier<Object>... variants) {
    for (int i = 0; i < warmups; i++) {
      for (Supplier<Object> v : variants) {
        v.get();
      }
    }
    long[][] samples = new long[variants.length][runs];
    for (int run = 0; run < runs; run++) {
      for (int v = 0; v < variants.length; v++) {
        long start = System.nanoTime();
        variants[v].get();
        samples[v][run] = System.nanoTime() - start;
      }
    }
    double[] medians = new double[variants.length];
    for (int v = 0; v < variants.length; v++) {
      Arrays.sort(samples[v]);
      // the median of an odd count, the mean of the middle two of an even one
      medians[v] = (samples[v][(runs - 1) / 2] + samples[v][runs / 2]) / 2e6;
    }
    return medians;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
