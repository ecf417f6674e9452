package dev.forgeline.validation;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.forgeline.mock.MockSparkSession;
import dev.forgeline.validation.contract.ContractMode;
import dev.forgeline.validation.contract.ContractViolationException;
import dev.forgeline.validation.contract.SchemaContract;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of docs/validation.md, compiled and run so they cannot rot. */
class DocsSnippetsTest {
  private final SparkSession spark = MockSparkSession.create();

  @Test
  void javaRules() {
    Dataset<Row> orders = Data.orders(spark);
    Dataset<Row> customers = Data.customers(spark);
    // --- docs/validation.md: java-rules
    Validator validator =
        Validator.builder()
            .rule(Rule.notNull("id").threshold(0.8)) // FAIL by default
            .rule(Rule.between("amount", 0, 10_000).drop())
            .rule(Rule.in("status", "paid", "open", "lost").warn())
            .rule(Rule.matches("email", "^[^@]+@[^@]+$").allowNull().drop())
            .rule(Rule.references("customer", customers, "cid").warn())
            .rule(Rule.expression("big orders are paid", "amount < 500 OR status = 'paid'").warn())
            .rule(Rule.of("id positive", col("id").gt(0), "id").warn())
            .lazy()
            .build();
    ValidationOutcome outcome = validator.validate(orders);
    outcome.throwIfFailed(); // every breached FAIL rule in one exception
    Dataset<Row> valid = outcome.valid(); // rows that broke no DROP or FAIL rule
    Dataset<Row> quarantine = outcome.quarantined(); // the rest, with _failed_rules
    // --- end
    assertEquals(3, valid.count());
    assertEquals(3, quarantine.count());
    assertEquals(6, outcome.rows());
  }

  @Test
  void quarantineSplit(@TempDir Path out) {
    Dataset<Row> orders = Data.orders(spark);
    Validator validator =
        Validator.of(Rule.notNull("id").drop(), Rule.in("status", "paid", "open").drop());
    // --- docs/validation.md: quarantine-split
    ValidationOutcome outcome =
        validator
            .split(orders)
            .write(
                valid -> valid.write().parquet(out.resolve("orders").toString()),
                quarantined -> quarantined.write().parquet(out.resolve("rejects").toString()));
    outcome.throwIfFailed(); // after the writes: use validate() first when a FAIL must stop them
    // --- end
    assertEquals(2, outcome.invalidRows());
    assertEquals(4, spark.read().parquet(out.resolve("orders").toString()).count());
    assertEquals(2, spark.read().parquet(out.resolve("rejects").toString()).count());
  }

  @Test
  void quarantineOnly(@TempDir Path out) {
    Dataset<Row> orders = Data.orders(spark);
    Validator validator =
        Validator.of(Rule.notNull("id").drop(), Rule.in("status", "paid", "open").warn());
    // --- docs/validation.md: quarantine-only
    ValidationOutcome outcome =
        validator
            .split(orders)
            .writeQuarantine(rejects -> rejects.write().parquet(out.resolve("rejects").toString()));
    Dataset<Row> clean = outcome.valid(); // for the next step; counts nothing again
    // --- end
    assertEquals(1, outcome.invalidRows());
    assertEquals(2, outcome.rule("status in {paid, open}").failed());
    assertEquals(5, clean.count());
    assertEquals(1, spark.read().parquet(out.resolve("rejects").toString()).count());
  }

  @Test
  void hoconRules() {
    // --- docs/validation.md: hocon-rules
    Config config =
        ConfigFactory.parseString(
            """
            validation.orders {
              lazy = true
              rules = [
                { type = not-null, column = id, threshold = 0.8 }
                { type = range, column = amount, min = 0, max = 10000, action = drop }
                { type = regex, column = email, pattern = "^[^@]+@[^@]+$", allow-null = true }
                { type = references, columns = [customer], reference = customers,
                  reference-columns = [cid], action = warn }
              ]
            }
            """);
    Validator validator =
        RuleConfig.validator(
            config, "validation.orders", Map.of("customers", Data.customers(spark)));
    // --- end
    assertEquals(4, validator.rules().size());
    assertEquals(3, validator.validate(Data.orders(spark)).invalidRows());
  }

  @Test
  void contracts(@TempDir Path dir) throws Exception {
    Dataset<Row> orders = Data.orders(spark);
    Dataset<Row> nextBatch = Data.orders(spark).drop("email");
    Path file = dir.resolve("orders.json");
    // --- docs/validation.md: contracts
    SchemaContract contract = SchemaContract.infer("orders", orders);
    contract.save(file); // .json writes JSON, anything else HOCON
    SchemaContract reviewed = SchemaContract.load(file).withMode(ContractMode.RELAXED);
    String diff = reviewed.diff(nextBatch.schema()).toString(); // "- email: missing, ..."
    Validator suggested = Validator.of(reviewed.rules(Map.of())); // observed ranges and sets
    // --- end
    assertThrows(ContractViolationException.class, () -> reviewed.enforce(nextBatch));
    org.junit.jupiter.api.Assertions.assertTrue(
        diff.contains("- email: missing, expected string"), diff);
    assertEquals(0, suggested.validate(orders).invalidRows());
  }
}
