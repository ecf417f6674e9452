package dev.forgeline.core.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import dev.forgeline.core.error.ConfigurationException;
import dev.forgeline.core.error.ErrorId;
import dev.forgeline.mock.MockSparkSession;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The memory connector and replacing a declared connector's source, on the mock. */
class MemoryConnectorTest {
  private final SparkSession spark = MockSparkSession.create();

  private Connectors connectors(String hocon) {
    return Connectors.fromConfig(ConfigFactory.parseString(hocon).resolve(), () -> spark);
  }

  @Test
  void rowsDeclaredInHoconAreReadWithTheirSchema() {
    Connectors c =
        connectors(
            "forgeline.connectors.orders {\n"
                + "  type = memory\n"
                + "  schema = \"id INT, country STRING, amount DECIMAL(10,2), day DATE,"
                + " tags ARRAY<STRING>\"\n"
                + "  rows = [\n"
                + "    [1, FR, 120.5, \"2024-02-29\", [a, b]]\n"
                + "    {id = 2, country = DE, day = \"2024-03-01\"}\n"
                + "  ]\n"
                + "}");
    Dataset<Row> orders = c.get("orders").read();
    assertThat(orders.schema().simpleString())
        .isEqualTo(
            "struct<id:int,country:string,amount:decimal(10,2),day:date,tags:array<string>>");
    List<Row> rows = orders.collectAsList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getInt(0)).isEqualTo(1);
    assertThat(rows.get(0).getDecimal(2)).isEqualTo(new BigDecimal("120.50"));
    assertThat(rows.get(0).getDate(3)).isEqualTo(Date.valueOf("2024-02-29"));
    assertThat(rows.get(0).getList(4)).containsExactly("a", "b");
    assertThat(rows.get(1).getString(1)).isEqualTo("DE");
    assertThat(rows.get(1).isNullAt(2)).isTrue();
    assertThat(c.describe()).contains("orders: memory rows save-mode errorifexists");
  }

  @Test
  void writesReplaceOrAppendTheRows() {
    Connectors c =
        connectors(
            "forgeline.connectors {\n"
                + "  out { type = memory, schema = \"n BIGINT\", save-mode = overwrite }\n"
                + "  log { type = memory, schema = \"n BIGINT\", save-mode = append }\n"
                + "  once { type = memory, schema = \"n BIGINT\", rows = [[1]] }\n"
                + "}");
    c.get("out").write(spark.range(3));
    c.get("out").write(spark.range(2));
    assertThat(c.get("out").read().count()).isEqualTo(2);
    c.get("log").write(spark.range(3));
    c.get("log").write(spark.range(2));
    assertThat(c.get("log").read().count()).isEqualTo(5);
    assertThatThrownBy(() -> c.get("once").write(spark.range(2)))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("Connector [once]")
        .hasMessageContaining("save-mode errorifexists");
  }

  @Test
  void badRowsAreListedWithTheirPlace() {
    assertThatThrownBy(
            () ->
                connectors(
                    "forgeline.connectors {\n"
                        + "  a { type = memory, schema = \"id INT NOT NULL, day DATE\",\n"
                        + "      rows = [[x, \"2024-13-01\"], [null, null], [1]] }\n"
                        + "  b { type = memory }\n"
                        + "  c { type = csv, path = x.csv, rows = [] }\n"
                        + "}"))
        .isInstanceOf(ConfigurationException.class)
        .satisfies(
            e -> {
              var problems = ((ConfigurationException) e).problems();
              assertThat(problems).hasSize(6);
              assertThat(e.getMessage())
                  .contains("forgeline.connectors.a.rows[0][0]")
                  .contains("a value of type int")
                  .contains("forgeline.connectors.a.rows[0][1]")
                  .contains("forgeline.connectors.a.rows[1][0]")
                  .contains("forgeline.connectors.a.rows[2]")
                  .contains("forgeline.connectors.b.schema")
                  .contains("only connectors of type memory take schema and rows");
              assertThat(problems.stream().map(p -> p.id()).distinct())
                  .contains(ErrorId.BAD_CONFIG_VALUE, ErrorId.MISSING_CONFIG_KEY);
            });
  }

  @Test
  void aDeclaredSourceCanBeReplacedWithRows() {
    Connectors declared =
        connectors("forgeline.connectors.orders { type = csv, path = \"/nowhere/orders.csv\" }");
    StructType schema = new StructType().add("id", DataTypes.IntegerType);
    Connectors replaced =
        declared.withSource(
            "orders", s -> s.createDataFrame(List.of(RowFactory.create((Object) 7)), schema));
    assertThat(replaced.get("orders").read().collectAsList())
        .containsExactly(RowFactory.create((Object) 7));
    assertThatThrownBy(() -> declared.get("orders").read()).isInstanceOf(ConnectorException.class);
    assertThatThrownBy(() -> declared.withSource("order", s -> null))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("No connector [order]");
  }
}
