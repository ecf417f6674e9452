package dev.forgeline.validation.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forgeline.core.error.Problem;
import dev.forgeline.validation.InvalidRulesException;
import dev.forgeline.validation.Rule;
import dev.forgeline.validation.ValidationOutcome;
import dev.forgeline.validation.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema contracts on both backends: diffs in both modes, inference and its file round trip. */
abstract class ContractSuite {

  abstract SparkSession spark();

  static final SchemaContract ORDERS =
      SchemaContract.of(
          "orders",
          List.of(
              new ColumnContract("id", DataTypes.LongType, false),
              new ColumnContract("amount", DataTypes.DoubleType, true),
              new ColumnContract("price", DataTypes.createDecimalType(10, 2), true),
              new ColumnContract("email", DataTypes.StringType, true)));

  Dataset<Row> data() {
    StructType schema =
        new StructType()
            .add("id", DataTypes.IntegerType, true)
            .add("amount", DataTypes.FloatType)
            .add("price", DataTypes.createDecimalType(8, 2))
            .add("emial", DataTypes.StringType)
            .add("extra", DataTypes.BooleanType);
    return spark()
        .createDataFrame(
            List.of(
                RowFactory.create(1, 1.5f, new java.math.BigDecimal("10.00"), "a@x", true),
                RowFactory.create(2, null, new java.math.BigDecimal("12.50"), "b@x", false)),
            schema);
  }

  @Test
  void strictDiffListsEveryDifferenceReadably() {
    SchemaDiff diff = ORDERS.diff(data().schema());
    assertEquals(
        "schema differs from contract [orders] (strict): 7 differences\n"
            + "  ~ id: int, expected bigint\n"
            + "  ~ id: nullable, expected not null\n"
            + "  ~ amount: float, expected double\n"
            + "  ~ price: decimal(8,2), expected decimal(10,2)\n"
            + "  - email: missing, expected string (found [emial])\n"
            + "  + emial: string, not in the contract\n"
            + "  + extra: boolean, not in the contract",
        diff.toString());
  }

  @Test
  void relaxedDiffAcceptsSafeWideningAndExtraColumns() {
    SchemaDiff diff = ORDERS.withMode(ContractMode.RELAXED).diff(data().schema());
    assertEquals(
        "schema differs from contract [orders] (relaxed): 1 difference\n"
            + "  - email: missing, expected string (found [emial])",
        diff.toString());
    SchemaContract narrow =
        SchemaContract.of("n", List.of(new ColumnContract("id", DataTypes.ShortType, true)))
            .withMode(ContractMode.RELAXED);
    assertEquals(
        List.of("~ id: int, expected smallint"),
        narrow.diff(data().schema()).differences().stream().map(Object::toString).toList());
    ContractViolationException e =
        assertThrows(ContractViolationException.class, () -> narrow.enforce(data()));
    assertTrue(e.getMessage().contains("[Forgeline/ContractViolated]"), e.getMessage());
    SchemaContract exact = SchemaContract.from("same", data().schema());
    assertEquals(data().schema(), exact.enforce(data()).schema());
  }

  @Test
  void inferredContractRoundTripsThroughJsonAndHocon(@TempDir Path dir) throws Exception {
    Dataset<Row> orders = dev.forgeline.validation.DataAccess.orders(spark());
    SchemaContract inferred = SchemaContract.infer("orders", orders, 3);
    assertEquals(
        List.of(
            "id int true",
            "amount double true",
            "status string true",
            "email string true",
            "customer string true",
            "ship.mode string false"),
        inferred.columns().stream()
            .map(c -> c.name() + " " + c.typeName() + " " + c.nullable())
            .toList());
    List<String> suggested =
        inferred.rules(Map.of()).stream().map(r -> r.name() + " " + r.action()).toList();
    assertEquals(
        List.of(
            "ship.mode not null FAIL",
            "id in [1, 6] WARN",
            "amount in [-5, 999.5] WARN",
            "status in {lost, open, paid} WARN",
            "customer in {c1, c2, c9} WARN",
            "ship.mode in {air, road, sea} WARN"),
        suggested);
    ValidationOutcome o = Validator.of(inferred.rules(Map.of())).validate(orders);
    assertEquals(0, o.rules().stream().mapToLong(r -> r.failed()).sum(), o.toString());

    for (String file : List.of("orders.json", "orders.conf")) {
      Path p = dir.resolve(file);
      inferred.save(p);
      SchemaContract back = SchemaContract.load(p);
      assertEquals(inferred, back, file);
      assertEquals(
          suggested, back.rules(Map.of()).stream().map(r -> r.name() + " " + r.action()).toList());
    }
    assertTrue(java.nio.file.Files.readString(dir.resolve("orders.json")).trim().startsWith("{"));
  }

  @Test
  void malformedContractFilesNameEveryBadKey() {
    String text =
        """
        { mode = lenient
          columns = [
            { name = id, type = "int" }
            { name = amount, type = "dubble", nulable = true }
            { type = string }
          ]
          rules = [ { type = range, column = id, min = 0, threshold = 2 } ]
        }
        """;
    InvalidRulesException e =
        assertThrows(InvalidRulesException.class, () -> SchemaContract.parse(text, "orders.conf"));
    assertEquals(
        List.of(
            "file [orders.conf], key [name] malformed contract: missing key [name]",
            "file [orders.conf], key [mode] malformed contract: unknown mode [lenient]",
            "file [orders.conf], key [columns[1].nulable] malformed contract: unknown key [nulable]",
            "file [orders.conf], key [columns[1].type] malformed contract: unknown type [dubble]",
            "file [orders.conf], key [columns[2].name] malformed contract: missing key [name]",
            "file [orders.conf], rule [id in [0, +inf]], key [rules[0].threshold] the threshold"
                + " of rule [id in [0, +inf]] was [2.0] but must lie in [0, 1]"),
        e.problems().stream().map(ContractSuite::line).toList());
    assertThrows(InvalidRulesException.class, () -> SchemaContract.parse("{ name = ", "x.conf"));
  }

  private static String line(Problem p) {
    return p.place() + " " + p.message();
  }

  @Test
  void contractRulesEnforceNotNullColumns() {
    SchemaContract c =
        SchemaContract.of("o", List.of(new ColumnContract("amount", DataTypes.FloatType, false)));
    List<Rule> rules = c.rules(Map.of());
    assertEquals(1, Validator.of(rules).validate(data()).rule("amount not null").failed());
  }
}
