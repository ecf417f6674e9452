package dev.forgeline.core.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.forgeline.core.config.Secrets;
import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.error.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 9, defects 4 and 8: connector-side leaks, blank reasons and SQL in a JDBC table. */
class ConnectorLeaksRegressionTest {
  private static final String SECRET = "pa55-canary-word";

  private static Map<String, ConnectorSpec> read(String hocon, List<Problem> problems) {
    return ConnectorSpec.readAll(ConfigFactory.parseString(hocon), problems);
  }

  @Test
  void toStringMasksTheCredentialsOfAJdbcUrl() {
    List<Problem> problems = new ArrayList<>();
    Map<String, ConnectorSpec> specs =
        read(
            "forgeline.connectors {\n"
                + " a { type = jdbc, url = \"jdbc:postgresql://etl:"
                + SECRET
                + "@db:5432/crm?ssl=true\", table = t }\n"
                + " b { type = jdbc, url = \"jdbc:sqlserver://db;user=etl;password="
                + SECRET
                + ";db=x\", table = t }\n"
                + " c { type = jdbc, url = \"jdbc:h2:mem:x;PASSWORD="
                + SECRET
                + "\", table = t }\n}",
            problems);

    assertThat(problems).isEmpty();
    assertThat(specs.get("a").toString())
        .doesNotContain(SECRET)
        .contains("jdbc:postgresql://etl:" + Secrets.MASK + "@db:5432/crm");
    assertThat(specs.get("b").toString())
        .doesNotContain(SECRET)
        .contains("password=" + Secrets.MASK + ";db=x");
    assertThat(specs.get("c").toString()).doesNotContain(SECRET);
  }

  @Test
  void aJdbcTableHoldingSqlIsRejectedUnlessItIsARawQuery() {
    List<Problem> problems = new ArrayList<>();
    Map<String, ConnectorSpec> specs =
        read(
            "forgeline.connectors {\n"
                + " drop { type = jdbc, url = \"jdbc:h2:mem:x\", table = \"t; DROP TABLE people\" }\n"
                + " comment { type = jdbc, url = \"jdbc:h2:mem:x\", table = \"t --\" }\n"
                + " block { type = jdbc, url = \"jdbc:h2:mem:x\","
                + " options { dbtable = \"t /* x */\" } }\n"
                + " raw { type = jdbc, url = \"jdbc:h2:mem:x\","
                + " options { query = \"select 1; -- on purpose\" } }\n"
                + " fine { type = jdbc, url = \"jdbc:h2:mem:x\", table = \"public.people\" }\n}",
            problems);

    assertThat(problems).hasSize(3);
    assertThat(problems).allSatisfy(p -> assertThat(p.id()).isEqualTo(ErrorId.BAD_CONFIG_VALUE));
    String all = problems.toString();
    assertThat(all)
        .contains("forgeline.connectors.block.options.dbtable")
        .contains("forgeline.connectors.comment.table")
        .contains("found: [t; DROP TABLE people]")
        .contains("options.query");
    assertThat(specs).containsOnlyKeys("raw", "fine");
  }

  @Test
  void aSparkMessageOpeningWithANewlineGivesItsFirstRealLine() {
    ConnectorSpec spec =
        read("forgeline.connectors.x { type = csv, path = \"/data/x\" }", new ArrayList<>())
            .get("x");

    ConnectorException e =
        ConnectorException.failed(
            "read",
            spec,
            Secrets.none(),
            new IllegalStateException("\n  \n[UNRESOLVED_COLUMN] cannot resolve `a`\nplan..."));

    assertThat(e.getMessage()).endsWith("cannot read: [UNRESOLVED_COLUMN] cannot resolve `a`");
  }
}
