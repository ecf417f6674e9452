package dev.forgeline.core.cache;

import static org.apache.spark.sql.functions.col;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.forgeline.core.Delivery;
import dev.forgeline.core.Factory;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.connector.Connectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Two branches over CSV files: people -> Adults (config app.min-age) -> AdultCount, and cities ->
 * CityNames. Every factory counts the times its process() ran, by id.
 */
final class CacheFixtures {
  static final Map<String, AtomicInteger> PROCESSED = new ConcurrentHashMap<>();

  private CacheFixtures() {}

  static int processed(String id) {
    return PROCESSED.getOrDefault(id, new AtomicInteger()).get();
  }

  private static void count(String id) {
    PROCESSED.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
  }

  static void writeInputs(Path dir) throws IOException {
    Files.writeString(dir.resolve("people.csv"), "name,age\nada,36\nbob,12\ncyd,70\n");
    Files.writeString(dir.resolve("cities.csv"), "city,country\nLyon,FR\nOslo,NO\n");
  }

  static Config config(Path dir, int minAge) {
    return ConfigFactory.parseString(
            "app.min-age = "
                + minAge
                + "\nforgeline.connectors {\n"
                + "  people-csv { type = csv, path = \""
                + dir.resolve("people.csv")
                + "\", options { header = true, inferSchema = true } }\n"
                + "  cities-csv { type = csv, path = \""
                + dir.resolve("cities.csv")
                + "\", options { header = true, inferSchema = true } }\n"
                + "}\n")
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
  }

  /** The pipeline over {@code config}, with both branches. */
  static Pipeline.Builder pipeline(SparkSession spark, Config config) {
    Connectors connectors = Connectors.fromConfig(config, () -> spark);
    return Pipeline.builder("cached")
        .spark(spark)
        .config(config)
        .modules(b -> b.bind(Connectors.class).toInstance(connectors))
        .stage("bronze", s -> s.add(ReadPeople.class).add(ReadCities.class))
        .stage("silver", s -> s.add(Adults.class).add(CityNames.class))
        .stage("gold", s -> s.add(AdultCount.class));
  }

  @Cacheable(reads = "people-csv", tags = "bronze")
  static final class ReadPeople implements Factory<Dataset<Row>> {
    @Inject Connectors connectors;
    private Dataset<Row> people;

    @Override
    public void read() {
      people = connectors.get("people-csv").read();
    }

    @Override
    public void process() {
      count("ReadPeople");
    }

    @Override
    public Dataset<Row> get() {
      return people;
    }
  }

  @Cacheable(reads = "cities-csv", tags = "bronze")
  static final class ReadCities implements Factory<Dataset<Row>> {
    @Inject Connectors connectors;
    private Dataset<Row> cities;

    @Override
    public void read() {
      cities = connectors.get("cities-csv").read();
    }

    @Override
    public void process() {
      count("ReadCities");
    }

    @Override
    public Dataset<Row> get() {
      return cities;
    }
  }

  @Cacheable(config = "app.min-age", tags = "silver")
  static final class Adults implements Factory<Dataset<Row>> {
    @Delivery(id = "ReadPeople")
    Dataset<Row> people;

    @Inject Config config;
    private Dataset<Row> adults;

    @Override
    public void process() {
      count("Adults");
      adults = people.filter(col("age").geq(config.getInt("app.min-age"))).select("name");
    }

    @Override
    public Dataset<Row> get() {
      return adults;
    }
  }

  @Cacheable(tags = "silver")
  static final class CityNames implements Factory<Dataset<Row>> {
    @Delivery(id = "ReadCities")
    Dataset<Row> cities;

    private Dataset<Row> names;

    @Override
    public void process() {
      count("CityNames");
      names = cities.select("city");
    }

    @Override
    public Dataset<Row> get() {
      return names;
    }
  }

  /** A plain Java value, cached by serialization. */
  @Cacheable
  static final class AdultCount implements Factory<Long> {
    @Delivery(id = "Adults")
    Dataset<Row> adults;

    private long count;

    @Override
    public void process() {
      count("AdultCount");
      count = adults.count();
    }

    @Override
    public Long get() {
      return count;
    }
  }

  /** Writes people.csv as Parquet where a served step's table lives. */
  static final class ReadPeopleOnce {
    void write(SparkSession spark, Path dir, Path out) {
      spark
          .read()
          .option("header", "true")
          .option("inferSchema", "true")
          .csv(dir.resolve("people.csv").toString())
          .write()
          .parquet(out.toString());
    }
  }

  /** Not cacheable: reads a parameter bound by name. */
  static final class Greeting implements Factory<String> {
    @Inject
    @Named("greeting")
    String greeting;

    @Override
    public String get() {
      return greeting;
    }
  }
}
