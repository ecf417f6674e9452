package dev.forgeline.core.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.typesafe.config.ConfigFactory;
import dev.forgeline.core.LocalSpark;
import dev.forgeline.core.connector.ConnectorTest.Person;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delta 4.1.0 and 4.2.0 call Spark's {@code IgnoreCachedData}, which Spark 4.1.3 no longer has: a
 * MERGE through {@link Repository#upsert} failed with {@code NoClassDefFoundError}. This runs a
 * real MERGE on local Spark with the pinned Delta version.
 */
class DeltaMergeIgnoreCachedDataRegressionTest {
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

  private long commits(Path table) throws Exception {
    try (Stream<Path> log = Files.list(table.resolve("_delta_log"))) {
      return log.filter(p -> p.toString().endsWith(".json")).count();
    }
  }

  @Test
  void upsertMergesOnTheKeyColumnsOnSpark413() throws Exception {
    Path table = dir.resolve("people");
    Repository<Person> repo =
        Connectors.fromConfig(
                ConfigFactory.parseString(
                    "forgeline.connectors.people { type = delta, path = \""
                        + table
                        + "\", keys = [name] }"),
                () -> spark)
            .get("people")
            .repository(Person.class);

    repo.upsert(people(person("ada", 36), person("alan", 41)));
    repo.upsert(people(person("alan", 42), person("grace", 29)));

    Map<String, Integer> ages =
        repo.findAll().collectAsList().stream()
            .collect(Collectors.toMap(Person::getName, Person::getAge));
    assertThat(ages).containsOnly(entry("ada", 36), entry("alan", 42), entry("grace", 29));
    assertThat(commits(table)).as("one commit to create, one for the MERGE").isEqualTo(2);
  }
}
