package dev.forgeline.validation.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.forgeline.core.Factory;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.config.ConfigLoader;
import dev.forgeline.core.config.ConfigModule;
import dev.forgeline.core.config.LoadedConfig;
import dev.forgeline.core.error.PipelineDefinitionException;
import dev.forgeline.core.error.Problem;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.ReportJson;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import dev.forgeline.core.report.ValidationResult;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Validation at factory boundaries in a pipeline, run on both backends by its subclasses. */
abstract class BoundaryValidationSuite {

  abstract SparkSession spark();

  private Pipeline.Builder builder(String name, Config config) {
    Pipeline.Builder b = Pipeline.builder(name).spark(spark()).modules(new ValidationModule());
    return config == null ? b : b.config(config.withFallback(ConfigFactory.defaultReference()));
  }

  @Test
  void dropRulesHandConsumersTheValidRowsAndTheReportKeepsTheFigures() {
    Pipeline p =
        builder("drop", null)
            .stage("s", s -> s.add(Factories.Orders.class).add(Factories.CountOrders.class))
            .build();
    PipelineReport report = p.run();
    assertEquals(3L, p.output(Factories.CountOrders.class), "3 of 6 orders break a DROP rule");
    StepResult orders = report.step("Orders").orElseThrow();
    ValidationResult v = orders.validation();
    assertEquals(6, v.total());
    assertEquals(2, v.valid(), "valid in the report: rows passing every rule, WARN included");
    assertEquals(
        List.of("id not null", "amount in [0, 1000]", "status in {paid, open}"), v.failedRules());
    assertEquals(
        Map.of("id not null", 1L, "amount in [0, 1000]", 2L, "status in {paid, open}", 2L),
        v.failuresByRule());
    assertEquals("3", orders.metadata().get("validation.quarantined"));
    assertNull(report.step("CountOrders").orElseThrow().validation());
    PipelineReport back = ReportJson.read(ReportJson.write(report));
    assertEquals(v, back.step("Orders").orElseThrow().validation());
  }

  private List<Row> runWithRejects(Class<? extends Factory<Dataset<Row>>> orders) {
    // A memory connector [rejects] holding one stale row, as an earlier run would have left.
    LoadedConfig loaded = ConfigLoader.builder().resource("boundary/rejects.conf").load();
    Pipeline p =
        Pipeline.builder("rejects")
            .spark(spark())
            .modules(new ValidationModule(), ConfigModule.of(loaded))
            .stage("s", s -> s.add(orders).add(Factories.CountOrders.class))
            .stage("check", s -> s.add(Factories.ReadRejects.class))
            .build();
    lastReport = p.run();
    lastCount = p.output(Factories.CountOrders.class);
    return p.output(Factories.ReadRejects.class);
  }

  private PipelineReport lastReport;
  private Long lastCount;

  @Test
  void dropRulesWriteTheQuarantineWithTheFiguresCountedDuringTheWrite() {
    List<Row> rejects = runWithRejects(Factories.QuarantinedOrders.class);
    assertEquals(3L, lastCount, "consumers get the valid rows only");
    assertEquals(
        List.of(
            List.of("amount in [0, 1000]"),
            List.of("id not null", "status in {paid, open}"),
            List.of("amount in [0, 1000]")),
        rejects.stream().map(r -> r.getList(r.fieldIndex("_failed_rules"))).toList(),
        "the stale row is replaced by this run's quarantine, one list of broken rules per row");
    ValidationResult v = lastReport.step("QuarantinedOrders").orElseThrow().validation();
    assertEquals(6, v.total());
    assertEquals(2, v.valid());
    assertEquals(
        Map.of("id not null", 1L, "amount in [0, 1000]", 2L, "status in {paid, open}", 2L),
        v.failuresByRule());
  }

  @Test
  void theQuarantineIsWrittenEmptyWhenNoRowIsQuarantined() {
    // DROP rules only: written while counting; with a FAIL rule: written after the count pass.
    for (Class<? extends Factory<Dataset<Row>>> f :
        List.of(Factories.CleanOrders.class, Factories.CleanStrictOrders.class)) {
      assertEquals(List.of(), runWithRejects(f), f.getSimpleName() + " left the stale row");
      assertEquals(6L, lastCount);
      assertEquals(0, lastReport.step(f.getSimpleName()).orElseThrow().validation().invalid());
    }
  }

  @Test
  void aToleratedFailRuleQuarantinesAfterTheValidationPassed() {
    List<Row> rejects = runWithRejects(Factories.TolerantOrders.class);
    assertEquals(4L, lastCount);
    assertEquals(2, rejects.size(), "the amounts out of range and the null amount: " + rejects);
    assertEquals(
        Status.SUCCESS, lastReport.step("TolerantOrders").orElseThrow().status(), "0.5 is met");
  }

  @Test
  void aBreachedFailRuleFailsTheStepNamingRuleRateAndThreshold() {
    Pipeline p =
        builder("fail", null)
            .stage("s", s -> s.add(Factories.StrictOrders.class).add(Factories.CountOrders.class))
            .build();
    PipelineReport report = p.execute();
    StepResult step = report.step("StrictOrders").orElseThrow();
    assertEquals(Status.FAILED, step.status());
    String message = step.error().message();
    assertTrue(
        message.contains(
            "[Forgeline/RuleFailed] rule [amount in [0, 1000]] (FAIL) passed 0.6667 of rows,"
                + " under its threshold 0.9000"),
        message);
    assertEquals(6, step.validation().total(), "the figures are kept for the failed step");
    assertEquals(Status.SKIPPED, report.step("CountOrders").orElseThrow().status());
  }

  @Test
  void hoconStepSectionDeclaresValidationPerEnvironment() {
    Config config =
        ConfigFactory.parseString(
            """
            forgeline.validation.steps.PlainOrders {
              rules = [ { type = range, column = amount, min = 0, action = drop } ]
            }
            """);
    Pipeline p =
        builder("hocon", config)
            .stage("s", s -> s.add(Factories.PlainOrders.class).add(Factories.CountOrders.class))
            .build();
    p.run();
    assertEquals(4L, p.output(Factories.CountOrders.class));
  }

  @Test
  void buildRejectsBadDeclarationsInItsNumberedList() {
    Config config =
        ConfigFactory.parseString(
            """
            rules.typed.rules = [
              { type = not-null, column = amout }
              { type = regex, column = id, pattern = "(" }
              { type = not-null, column = id, threshold = 2 }
            ]
            forgeline.validation.steps.Ordres { rules = [ { type = not-null, column = id } ] }
            """);
    PipelineDefinitionException e =
        assertThrows(
            PipelineDefinitionException.class,
            () ->
                builder("bad", config)
                    .stage(
                        "s",
                        s -> s.add(Factories.TypedOrders.class).add(Factories.NotADataset.class))
                    .build());
    List<String> ids = e.problems().stream().map(p -> p.id().label()).toList();
    assertEquals(
        List.of(
            "InvalidRuleRegex",
            "RuleThresholdOutOfRange",
            "OutputNotValidatable",
            "InvalidRuleConfig"),
        ids,
        e.getMessage());

    Config fixed =
        ConfigFactory.parseString(
            "rules.typed.rules = [ { type = not-null, column = amout }, { type = unique, columns = [id, status] } ]");
    PipelineDefinitionException columns =
        assertThrows(
            PipelineDefinitionException.class,
            () ->
                builder("typed", fixed)
                    .stage("s", s -> s.add(Factories.TypedOrders.class))
                    .build());
    List<Problem> problems = columns.problems();
    assertEquals(2, problems.size(), columns.getMessage());
    assertEquals(
        "rule [amout not null] names column [amout] that the output Dataset<Order> cannot have",
        problems.get(0).message());
    assertEquals("Did you mean [amount]?", problems.get(0).hint());
    assertTrue(problems.get(1).message().contains("[status]"));
  }

  @Test
  void buildRejectsAQuarantineConnectorThatIsUndeclaredOrCannotTakeEveryRun() {
    LoadedConfig loaded = ConfigLoader.builder().resource("boundary/bad-quarantine.conf").load();
    PipelineDefinitionException e =
        assertThrows(
            PipelineDefinitionException.class,
            () ->
                Pipeline.builder("bad-quarantine")
                    .spark(spark())
                    .modules(new ValidationModule(), ConfigModule.of(loaded))
                    .stage(
                        "s",
                        s ->
                            s.add(Factories.PlainOrders.class)
                                .add(Factories.QuarantinedOrders.class))
                    .build());
    List<Problem> problems =
        e.problems().stream().filter(p -> p.id().label().equals("InvalidQuarantine")).toList();
    assertEquals(2, problems.size(), e.getMessage());
    assertEquals("the quarantine connector [rejets] is not declared", problems.get(0).message());
    assertEquals("Did you mean [rejects]?", problems.get(0).hint());
    assertTrue(
        problems
            .get(1)
            .message()
            .equals(
                "the quarantine connector [strict] has save-mode errorifexists: the quarantine is"
                    + " written on every run, so the second run would fail"),
        problems.get(1).message());
    assertTrue(problems.get(1).place().contains("factory [QuarantinedOrders]"));
  }

  @Test
  void validationWithoutTheModuleIsReported() {
    PipelineDefinitionException e =
        assertThrows(
            PipelineDefinitionException.class,
            () ->
                Pipeline.builder("nomodule")
                    .spark(spark())
                    .stage("s", s -> s.add(Factories.Orders.class))
                    .build());
    assertEquals("ValidationNotInstalled", e.problems().get(0).id().label());
  }
}
