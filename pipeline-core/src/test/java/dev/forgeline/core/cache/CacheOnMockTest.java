package dev.forgeline.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeline.core.Pipeline;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.core.report.StepResult;
import dev.forgeline.core.spi.PipelineListener;
import dev.forgeline.core.spi.RunInfo;
import dev.forgeline.mock.MockSparkSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result cache in memory on the mock backend: what hits, what misses, and why. */
class CacheOnMockTest {
  private final SparkSession spark = MockSparkSession.create();
  static final com.google.inject.TypeLiteral<Dataset<Row>> ROWS =
      new com.google.inject.TypeLiteral<>() {};

  @TempDir Path dir;

  @BeforeEach
  void inputs() throws Exception {
    CacheFixtures.PROCESSED.clear();
    CacheFixtures.writeInputs(dir);
  }

  static Map<String, Status> statuses(PipelineReport r) {
    Map<String, Status> out = new LinkedHashMap<>();
    r.steps().forEach(s -> out.put(s.factoryId(), s.status()));
    return out;
  }

  static Map<String, String> keys(PipelineReport r) {
    Map<String, String> out = new LinkedHashMap<>();
    r.steps().forEach(s -> out.put(s.factoryId(), s.cacheKey()));
    return out;
  }

  static List<String> names(Object output) {
    Dataset<Row> ds = ((Dataset<?>) output).toDF();
    return ds.collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
  }

  @Test
  void anUnchangedRerunServesEveryStepFromTheCacheWithoutRunningIt() {
    ResultCache cache = ResultCache.inMemory();
    List<String> hits = new ArrayList<>();
    Pipeline p =
        CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 18))
            .cache(cache)
            .listener(
                new PipelineListener() {
                  @Override
                  public void onCacheHit(RunInfo run, StepResult result) {
                    hits.add(result.factoryId());
                  }
                })
            .build();
    PipelineReport first = p.run();
    assertThat(statuses(first).values()).containsOnly(Status.SUCCESS);
    assertThat(keys(first).values()).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(first.cacheMisses()).isEqualTo(5);
    assertThat(first.cacheHits()).isZero();
    assertThat(cache.entries()).hasSize(5);

    PipelineReport second = p.run();
    assertThat(statuses(second).values()).containsOnly(Status.CACHED);
    assertThat(keys(second)).isEqualTo(keys(first));
    assertThat(second.cacheHits()).isEqualTo(5);
    assertThat(second.cacheMisses()).isZero();
    assertThat(second.metrics().count(Status.CACHED)).isEqualTo(5);
    assertThat(hits).containsExactlyInAnyOrder(keys(first).keySet().toArray(String[]::new));
    for (String id : List.of("ReadPeople", "ReadCities", "Adults", "CityNames", "AdultCount")) {
      assertThat(CacheFixtures.processed(id)).as(id).isEqualTo(1);
    }
    assertThat(names(p.output("Adults", ROWS))).containsExactly("ada", "cyd");
    assertThat(p.output("AdultCount", Long.class)).isEqualTo(2L);
    assertThat(second.succeeded()).isTrue();
  }

  @Test
  void changingOneInputFileRecomputesOnlyItsBranch() throws Exception {
    Pipeline p =
        CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 18))
            .cache(ResultCache.inMemory())
            .build();
    p.run();
    Files.writeString(dir.resolve("cities.csv"), "city,country\nLyon,FR\nOslo,NO\nRome,IT\n");
    PipelineReport again = p.run();
    assertThat(statuses(again))
        .containsEntry("ReadCities", Status.SUCCESS)
        .containsEntry("CityNames", Status.SUCCESS)
        .containsEntry("ReadPeople", Status.CACHED)
        .containsEntry("Adults", Status.CACHED)
        .containsEntry("AdultCount", Status.CACHED);
    assertThat(names(p.output("CityNames", ROWS))).containsExactly("Lyon", "Oslo", "Rome");
  }

  @Test
  void aFileTouchedWithTheSameContentButANewModificationTimeIsAMiss() throws Exception {
    Pipeline p =
        CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 18))
            .cache(ResultCache.inMemory())
            .build();
    p.run();
    Path people = dir.resolve("people.csv");
    Files.setLastModifiedTime(
        people, FileTime.from(Files.getLastModifiedTime(people).toInstant().plusSeconds(60)));
    assertThat(statuses(p.run()))
        .containsEntry("ReadPeople", Status.SUCCESS)
        .containsEntry("Adults", Status.SUCCESS)
        .containsEntry("ReadCities", Status.CACHED);
  }

  @Test
  void aChangedConfigValueRecomputesTheFactoryThatNamesItAndItsConsumers() {
    ResultCache cache = ResultCache.inMemory();
    CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 18)).cache(cache).build().run();
    Pipeline older =
        CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 30)).cache(cache).build();
    PipelineReport r = older.run();
    assertThat(statuses(r))
        .containsEntry("ReadPeople", Status.CACHED)
        .containsEntry("ReadCities", Status.CACHED)
        .containsEntry("CityNames", Status.CACHED)
        .containsEntry("Adults", Status.SUCCESS)
        .containsEntry("AdultCount", Status.SUCCESS);
    assertThat(older.output("AdultCount", Long.class)).isEqualTo(2L);
    assertThat(names(older.output("Adults", ROWS))).containsExactly("ada", "cyd");
  }

  @Test
  void anUpstreamVersionChangeRecomputesItAndEverythingDownstream() {
    ResultCache cache = ResultCache.inMemory();
    CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 18)).cache(cache).build().run();
    var config = CacheFixtures.config(dir, 18);
    Pipeline v2 =
        Pipeline.builder("cached")
            .spark(spark)
            .config(config)
            .modules(
                b ->
                    b.bind(dev.forgeline.core.connector.Connectors.class)
                        .toInstance(
                            dev.forgeline.core.connector.Connectors.fromConfig(
                                config, () -> spark)))
            .cache(cache)
            .stage(
                "bronze",
                s ->
                    s.add(
                            dev.forgeline.core.FactorySpec.of(CacheFixtures.ReadPeople.class)
                                .withCache(CachePolicy.version("2").withReads("people-csv")))
                        .add(CacheFixtures.ReadCities.class))
            .stage(
                "silver", s -> s.add(CacheFixtures.Adults.class).add(CacheFixtures.CityNames.class))
            .stage("gold", s -> s.add(CacheFixtures.AdultCount.class))
            .build();
    assertThat(statuses(v2.run()))
        .containsEntry("ReadPeople", Status.SUCCESS)
        .containsEntry("Adults", Status.SUCCESS)
        .containsEntry("AdultCount", Status.SUCCESS)
        .containsEntry("ReadCities", Status.CACHED)
        .containsEntry("CityNames", Status.CACHED);
  }

  /** A clock tests move by hand. */
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void anEntryPastItsTtlIsAMissAndIsReplaced() {
    MovableClock clock = new MovableClock();
    ResultCache cache = ResultCache.inMemory();
    Pipeline p =
        CacheFixtures.pipeline(
                spark,
                CacheFixtures.config(dir, 18)
                    .withFallback(
                        com.typesafe.config.ConfigFactory.parseString(
                            "forgeline.cache.factories.CityNames.ttl = 1h")))
            .cache(cache)
            .clock(clock)
            .build();
    p.run();
    clock.now = clock.now.plus(Duration.ofMinutes(59));
    assertThat(statuses(p.run())).containsEntry("CityNames", Status.CACHED);
    clock.now = clock.now.plus(Duration.ofMinutes(2));
    PipelineReport expired = p.run();
    assertThat(statuses(expired))
        .containsEntry("CityNames", Status.SUCCESS)
        .containsEntry("ReadCities", Status.CACHED);
    assertThat(CacheFixtures.processed("CityNames")).isEqualTo(2);
    assertThat(cache.entries().stream().filter(e -> e.factoryId().equals("CityNames")))
        .singleElement()
        .satisfies(e -> assertThat(e.expires()).isEqualTo(clock.now.plus(Duration.ofHours(1))));
  }

  @Test
  void invalidatingByFactoryTagOrAllMakesTheNextRunRecompute() {
    ResultCache cache = ResultCache.inMemory();
    Pipeline p = CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 18)).cache(cache).build();
    p.run();
    assertThat(cache.invalidateFactory("CityNames")).isEqualTo(1);
    assertThat(statuses(p.run()))
        .containsEntry("CityNames", Status.SUCCESS)
        .containsEntry("ReadCities", Status.CACHED);
    assertThat(cache.invalidateTag("bronze")).isEqualTo(2);
    Map<String, Status> afterTag = statuses(p.run());
    assertThat(afterTag)
        .containsEntry("ReadPeople", Status.SUCCESS)
        .containsEntry("ReadCities", Status.SUCCESS)
        .containsEntry("Adults", Status.CACHED); // its inputs' keys did not change
    assertThat(cache.invalidateAll()).isEqualTo(5);
    assertThat(cache.entries()).isEmpty();
    assertThat(statuses(p.run()).values()).containsOnly(Status.SUCCESS);
  }

  @Test
  void aBoundedMemoryCacheEvictsTheLeastRecentlyUsedEntry() {
    ResultCache cache =
        ResultCache.inMemory(org.apache.spark.storage.StorageLevel.MEMORY_ONLY(), 3);
    Pipeline p = CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 18)).cache(cache).build();
    p.run();
    assertThat(cache.entries()).hasSize(3);
    assertThat(cache.describe()).contains("at most 3 entries");
  }
}
