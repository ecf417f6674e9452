package dev.forgeline.core.connector;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import dev.forgeline.core.LocalSpark;
import dev.forgeline.core.error.ConfigurationException;
import dev.forgeline.core.error.ErrorId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorTest {
  private final SparkSession spark = LocalSpark.session();
  @TempDir Path dir;

  /** A bean for the repository. */
  public static final class Person {
    private String name;
    private Integer age;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public Integer getAge() {
      return age;
    }

    public void setAge(Integer age) {
      this.age = age;
    }
  }

  private Connectors connectors(String hocon) {
    return Connectors.fromConfig(ConfigFactory.parseString(hocon).resolve(), () -> spark);
  }

  private Path people() throws Exception {
    Path csv = dir.resolve("people.csv");
    Files.writeString(csv, "name,age\nada,36\nalan,41\ngrace,29\n");
    return csv;
  }

  @Test
  void repositoryReadsCsvFiltersAndSavesParquet() throws Exception {
    Connectors c =
        connectors(
            "forgeline.connectors {\n"
                + " people { type = csv, path = \""
                + people()
                + "\","
                + " options { header = true, inferSchema = true } }\n"
                + " out { type = parquet, path = \""
                + dir.resolve("out")
                + "\", save-mode = overwrite }\n"
                + "}");
    Repository<Person> people = c.get("people").repository(Person.class);
    Repository<Person> out = c.get("out").repository(Person.class);

    assertThat(people.findAll().count()).isEqualTo(3);
    assertThat(
            people
                .findBy(col("age").gt(30))
                .map(
                    (org.apache.spark.api.java.function.MapFunction<Person, String>)
                        Person::getName,
                    org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .containsExactlyInAnyOrder("ada", "alan");
    out.save(people.findBy(col("age").lt(30)));
    assertThat(out.findAll().collectAsList())
        .singleElement()
        .satisfies(p -> assertThat(p.getName()).isEqualTo("grace"));
  }

  @Test
  void missingPathNamesTheConnectorAndItsKey() {
    Connectors c =
        connectors(
            "forgeline.connectors.people { type = csv, path = \""
                + dir.resolve("absent.csv")
                + "\" }");

    assertThatThrownBy(() -> c.get("people").read())
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.id()).isEqualTo(ErrorId.CONNECTOR_FAILED))
        .hasMessageContaining("Connector [people] (csv ")
        .hasMessageContaining("does not exist; check forgeline.connectors.people.path");
  }

  @Test
  void unknownConnectorSuggestsCloseNames() {
    Connectors c =
        connectors(
            "forgeline.connectors { people { type = csv, path = x },"
                + " orders { type = json, path = y } }");

    assertThatThrownBy(() -> c.get("peple"))
        .hasMessageContaining("[Forgeline/UnknownConnector] No connector [peple]")
        .hasMessageContaining("Declared: [orders, people]. Did you mean [people]? Declare it as")
        .message()
        .doesNotContain("?.");
  }

  @Test
  void invalidDeclarationsAreRejectedTogether() {
    assertThatThrownBy(
            () ->
                connectors(
                    "forgeline.connectors { a { type = xml, path = p }," + " b { type = table } }"))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.id())
                    .containsExactlyInAnyOrder(
                        ErrorId.UNKNOWN_CONNECTOR_TYPE, ErrorId.MISSING_CONFIG_KEY));
  }

  @Test
  void jdbcWritesAndReadsThroughSpark() throws Exception {
    Connectors c =
        connectors(
            "forgeline.connectors {\n"
                + " people { type = csv, path = \""
                + people()
                + "\","
                + " options { header = true, inferSchema = true } }\n"
                + " db { type = jdbc, url = \"jdbc:h2:mem:conn-test;DB_CLOSE_DELAY=-1\", table = PEOPLE,"
                + " save-mode = overwrite, options { user = sa, password = \"\" } }\n"
                + "}");

    c.get("db").write(c.get("people").read());

    assertThat(c.get("db").read().count()).isEqualTo(3);
  }

  @Test
  void jdbcThatCannotConnectNamesTheConnectorAndHidesThePassword() {
    String secret = "hunter22-very-secret";
    Connectors c =
        connectors(
            "forgeline.connectors.crm { type = jdbc,"
                + " url = \"jdbc:h2:tcp://127.0.0.1:1/nowhere;PASSWORD="
                + secret
                + "\", table = T,"
                + " options { user = sa, password = \""
                + secret
                + "\" } }");

    Throwable e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ConnectorException.class, () -> c.get("crm").read());
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));

    assertThat(e.getMessage())
        .contains(
            "Connector [crm] (jdbc jdbc:h2:tcp://127.0.0.1:1/nowhere;" + "PASSWORD=****** table T")
        .contains("cannot read");
    assertThat(trace.toString()).doesNotContain(secret);
    assertThat(c.get("crm").toString()).doesNotContain(secret).contains("password=******");
  }

  @Test
  void upsertNeedsDeltaAndKeys() {
    Connectors c =
        connectors(
            "forgeline.connectors { p { type = parquet, path = x },"
                + " d { type = delta, path = y } }");

    assertThatThrownBy(
            () ->
                c.get("p")
                    .repository(Person.class)
                    .upsert(spark.emptyDataset(org.apache.spark.sql.Encoders.bean(Person.class))))
        .hasMessageContaining("does not support upsert; upserts need type = delta");
    assertThatThrownBy(
            () ->
                c.get("d")
                    .repository(Person.class)
                    .upsert(spark.emptyDataset(org.apache.spark.sql.Encoders.bean(Person.class))))
        .hasMessageContaining("declare keys = [col, ...] in forgeline.connectors.d");
    assertThat(List.of(c.get("d").spec().saveMode())).containsExactly("errorifexists");
  }
}
