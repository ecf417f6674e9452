package dev.forgeline.core.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.typesafe.config.ConfigFactory;
import dev.forgeline.core.LocalSpark;
import dev.forgeline.core.connector.ConnectorTest.Person;
import dev.forgeline.core.error.ErrorId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, defect 3: MERGE key names were wrapped in backticks without escaping, so a key such as
 * {@code id` = updates.`id` OR true --} rewrote every row of the target. Keys are now quoted as one
 * identifier each inside a Column condition, and a key that is not a column of both sides is
 * rejected before anything is written.
 */
class DeltaMergeKeysRegressionTest {
  private static final String INJECTED = "name` = updates.`name` OR true --";
  private final SparkSession spark = LocalSpark.session();
  @TempDir Path dir;

  private static Person person(String name, int age) {
    Person p = new Person();
    p.setName(name);
    p.setAge(age);
    return p;
  }

  private Dataset<Person> people(Person... rows) {
    return spark.createDataset(List.of(rows), Encoders.bean(Person.class));
  }

  private Connectors connectors(Path table) {
    String keys = INJECTED.replace("\\", "\\\\").replace("\"", "\\\"");
    return Connectors.fromConfig(
        ConfigFactory.parseString(
            "forgeline.connectors {\n people { type = delta, path = \""
                + table
                + "\", keys = [name] }\n evil { type = delta, path = \""
                + table
                + "\", keys = [\""
                + keys
                + "\"] }\n}"),
        () -> spark);
  }

  private long commits(Path table) throws Exception {
    try (Stream<Path> log = Files.list(table.resolve("_delta_log"))) {
      return log.filter(p -> p.toString().endsWith(".json")).count();
    }
  }

  @Test
  void anInjectedKeyIsRejectedAndTheTargetIsUntouched() throws Exception {
    Path table = dir.resolve("people");
    Connectors c = connectors(table);
    Repository<Person> good = c.get("people").repository(Person.class);
    good.upsert(people(person("ada", 36), person("alan", 41)));

    Repository<Person> evil = c.get("evil").repository(Person.class);
    assertThatThrownBy(() -> evil.upsert(people(person("grace", 99))))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.id()).isEqualTo(ErrorId.CONNECTOR_FAILED))
        .hasMessageContaining("[evil]")
        .hasMessageContaining("key [" + INJECTED + "] is not a column of the incoming data")
        .hasMessageContaining("Nothing was written")
        .hasMessageContaining("forgeline.connectors.evil.keys");

    Map<String, Integer> ages =
        good.findAll().collectAsList().stream()
            .collect(Collectors.toMap(Person::getName, Person::getAge));
    assertThat(ages).containsOnly(entry("ada", 36), entry("alan", 41));
    assertThat(commits(table)).isEqualTo(1);
  }

  @Test
  void aKeyMissingFromTheTargetIsRejectedBeforeTheMerge() throws Exception {
    Path table = dir.resolve("people");
    Connectors c = connectors(table);
    c.get("people").repository(Person.class).upsert(people(person("ada", 36)));
    Connectors other =
        Connectors.fromConfig(
            ConfigFactory.parseString(
                "forgeline.connectors.t { type = delta, path = \"" + table + "\", keys = [city] }"),
            () -> spark);
    Dataset<Row> withCity =
        people(person("ada", 37))
            .toDF()
            .withColumn("city", org.apache.spark.sql.functions.lit("x"));

    assertThatThrownBy(() -> DeltaMerge.upsert(spark, other.get("t").spec(), withCity))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("key [city] is not a column of the target table");
    assertThat(commits(table)).isEqualTo(1);
  }

  @Test
  void aKeyWithABacktickIsOneIdentifier() {
    Dataset<Row> left = spark.sql("SELECT 1 AS `a``b`, 'x' AS v").as("target");
    Dataset<Row> right = spark.sql("SELECT 1 AS `a``b`, 'y' AS v").as("updates");

    long joined = left.join(right, DeltaMerge.condition(List.of("a`b"))).count();

    assertThat(joined).isEqualTo(1);
    assertThat(DeltaMerge.quote("a`b")).isEqualTo("`a``b`");
  }
}
