package dev.forgeline.validation;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * {@link ValidationSuite} on local Spark, plus what only Spark can show: the number of jobs:
 * evaluating eight row rules costs what one bare count aggregation costs (AQE runs its shuffle
 * stage as a job of its own).
 */
class ValidationOnSparkTest extends ValidationSuite {

  @Override
  SparkSession spark() {
    return LocalSpark.session();
  }

  @Test
  void rowRulesAreCountedInOneJobWhateverTheirNumber() {
    Validator validator =
        Validator.of(
            Rule.notNull("id"),
            Rule.between("amount", 0, 1000),
            Rule.in("status", "paid", "open"),
            Rule.notIn("status", "lost"),
            Rule.matches("email", "@"),
            Rule.length("status", 1, 10),
            Rule.expression("cheap", "amount < 500"),
            Rule.greaterThan("amount", 0));
    long bare = jobs("bare", () -> orders().agg(count(lit(1))).first());
    long eight = jobs("eight", () -> validator.validate(orders()));
    long one = jobs("one", () -> Validator.of(Rule.notNull("id")).validate(orders()));
    assertEquals(bare, eight, "eight rules cost the jobs of one bare count aggregation");
    assertEquals(one, eight);
  }

  @Override
  boolean observes() {
    return true;
  }

  @Test
  void theSplitRunsNoJobBeyondItsTwoWrites() {
    Validator v =
        Validator.of(
            Rule.notNull("id").drop(),
            Rule.in("status", "paid", "open"),
            Rule.matches("email", "@"));
    // Repartitioned so that reading the rows is a job (a local relation is read on the driver).
    Dataset<Row> data = orders().repartition(2);
    ValidationOutcome counted = v.validate(data);
    long writesOnly =
        jobs(
            "writes",
            () -> {
              counted.valid().collectAsList();
              counted.quarantined().collectAsList();
            });
    QuarantineSplit split = v.split(data);
    long withCounts =
        jobs("split", () -> split.write(d -> d.collectAsList(), d -> d.collectAsList()));
    assertTrue(writesOnly > 0);
    assertEquals(writesOnly, withCounts, "the counts come with the writes, not a job of their own");
    assertEquals(counted.failuresByRule(), split.outcome().failuresByRule());
    assertTrue(split.observed());
  }

  @Test
  void writingTheQuarantineAloneRunsNoJobBeyondItsWrite() {
    Validator v = Validator.of(Rule.notNull("id").drop(), Rule.in("status", "paid", "open").warn());
    Dataset<Row> data = orders().repartition(2);
    ValidationOutcome counted = v.validate(data);
    long writeOnly = jobs("quarantine", () -> counted.quarantined().collectAsList());
    QuarantineSplit split = v.split(data);
    ValidationOutcome[] o = new ValidationOutcome[1];
    long withCounts =
        jobs("quarantine-split", () -> o[0] = split.writeQuarantine(d -> d.collectAsList()));
    assertTrue(writeOnly > 0);
    assertEquals(writeOnly, withCounts, "the counts come with the write, not a job of their own");
    assertTrue(split.observed());
    assertEquals(counted.failuresByRule(), o[0].failuresByRule());
  }

  private long jobs(String group, Runnable action) {
    SparkContext sc = spark().sparkContext();
    sc.setJobGroup(group, "count jobs", false);
    try {
      action.run();
    } finally {
      sc.clearJobGroup();
    }
    return sc.statusTracker().getJobIdsForGroup(group).length;
  }
}
