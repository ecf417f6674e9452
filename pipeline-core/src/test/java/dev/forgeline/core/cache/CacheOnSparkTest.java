package dev.forgeline.core.cache;

import static dev.forgeline.core.cache.CacheOnMockTest.ROWS;
import static dev.forgeline.core.cache.CacheOnMockTest.names;
import static dev.forgeline.core.cache.CacheOnMockTest.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeline.core.Delivery;
import dev.forgeline.core.Factory;
import dev.forgeline.core.LocalSpark;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the mock cannot show: Spark plans, their input files, and non-deterministic expressions. */
class CacheOnSparkTest {
  private final SparkSession spark = LocalSpark.session();
  @TempDir Path dir;
  @TempDir Path cacheDir;

  @BeforeEach
  void inputs() throws Exception {
    CacheFixtures.PROCESSED.clear();
    CacheFixtures.writeInputs(dir);
  }

  @Test
  void aDiskCacheOnSparkServesParquetAndMissesWhenAFileTheUpstreamPlanReadsChanges()
      throws Exception {
    Pipeline p =
        CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 18))
            .cache(ResultCache.onDisk(cacheDir))
            .build();
    p.run();
    PipelineReport again = p.run();
    assertThat(statuses(again).values()).containsOnly(Status.CACHED);
    assertThat(names(p.output("Adults", ROWS))).containsExactly("ada", "cyd");
    assertThat(p.output("AdultCount", Long.class)).isEqualTo(2L);

    Files.writeString(dir.resolve("people.csv"), "name,age\nada,36\nbob,12\ncyd,70\ndan,40\n");
    PipelineReport changed = p.run();
    assertThat(statuses(changed))
        .containsEntry("ReadPeople", Status.SUCCESS)
        .containsEntry("Adults", Status.SUCCESS)
        .containsEntry("AdultCount", Status.SUCCESS)
        .containsEntry("CityNames", Status.CACHED);
    assertThat(p.output("AdultCount", Long.class)).isEqualTo(3L);
  }

  /** Stamps its input with the current time: never the same twice. */
  public static final class Stamped implements Factory<Dataset<Row>> {
    @Delivery(id = "ReadPeople")
    Dataset<Row> people;

    @Override
    public Dataset<Row> get() {
      return people.withColumn("at", functions.current_timestamp());
    }
  }

  /** Consumes the stamped rows; cacheable, so its key must include the run. */
  @Cacheable
  public static final class AfterStamp implements Factory<Dataset<Row>> {
    @Delivery(id = "Stamped")
    Dataset<Row> stamped;

    @Override
    public Dataset<Row> get() {
      return stamped.select("name", "at");
    }
  }

  @Test
  void anInputWhosePlanCallsCurrentTimestampIsNeverServedFromAnEarlierRun() {
    Pipeline p =
        CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 18))
            .cache(ResultCache.inMemory())
            .stage("stamp", s -> s.add(Stamped.class).add(AfterStamp.class))
            .build();
    PipelineReport first = p.run();
    PipelineReport second = p.run();
    assertThat(statuses(second))
        .containsEntry("AfterStamp", Status.SUCCESS)
        .containsEntry("ReadPeople", Status.CACHED);
    String k1 = CacheOnMockTest.keys(first).get("AfterStamp");
    String k2 = CacheOnMockTest.keys(second).get("AfterStamp");
    assertThat(k1).isNotNull().isNotEqualTo(k2);
    assertThat(second.steps().get(6).metadata().get("cache"))
        .startsWith("per run: input [stamped]: its plan calls current_timestamp()");
  }
}
