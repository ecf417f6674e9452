package dev.forgeline.core.cache;

import static dev.forgeline.core.cache.CacheOnMockTest.ROWS;
import static dev.forgeline.core.cache.CacheOnMockTest.names;
import static dev.forgeline.core.cache.CacheOnMockTest.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.forgeline.core.Factory;
import dev.forgeline.core.FactorySpec;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.error.PipelineDefinitionException;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.mock.MockSparkSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad cache and selection input is a numbered build error; partial runs serve what they need. */
class CacheBuildErrorsTest {
  private final SparkSession spark = MockSparkSession.create();
  @TempDir Path dir;

  @BeforeEach
  void inputs() throws Exception {
    CacheFixtures.PROCESSED.clear();
    CacheFixtures.writeInputs(dir);
  }

  private static PipelineDefinitionException buildFails(Pipeline.Builder b) {
    try {
      b.build();
    } catch (PipelineDefinitionException e) {
      return e;
    }
    throw new AssertionError("build() did not fail");
  }

  @Test
  void aCacheDirectoryThatIsNotWritableIsABuildError() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    PipelineDefinitionException e =
        buildFails(
            CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 18))
                .cache(ResultCache.onDisk(file.resolve("cache"))));
    assertThat(e.getMessage())
        .contains(ErrorId.CACHE_UNUSABLE.tag())
        .contains("cache directory [" + file.resolve("cache") + "] is not writable");
  }

  @Test
  void aHoconDeclarationForAFactoryOrStageThePipelineLacksIsABuildError() {
    Config config =
        ConfigFactory.parseString(
                "forgeline.cache.factories { bronze-people { version = \"1\" } }\n"
                    + "forgeline.cache.stages { platinum { version = \"1\" } }")
            .withFallback(CacheFixtures.config(dir, 18));
    PipelineDefinitionException e = buildFails(CacheFixtures.pipeline(spark, config));
    assertThat(e.getMessage())
        .contains(ErrorId.CACHE_DECLARATION.tag())
        .contains("The cache declaration [bronze-people] names no factory of the pipeline.")
        .contains("factories: [AdultCount, Adults, CityNames, ReadCities, ReadPeople]")
        .contains("The cache declaration [platinum] names no stage of the pipeline.")
        .contains("stages: [bronze, gold, silver]");
  }

  /** Produces a value that is neither a Dataset nor Serializable. */
  @Cacheable
  static final class Opaque implements Factory<Thread> {
    @Override
    public Thread get() {
      return Thread.currentThread();
    }
  }

  @Test
  void aCacheableFactoryWhoseOutputCannotBeStoredOnDiskIsABuildErrorNamingIt() {
    PipelineDefinitionException e =
        buildFails(
            Pipeline.builder("p")
                .spark(spark)
                .config(CacheFixtures.config(dir, 18))
                .cache(ResultCache.onDisk(dir.resolve("cache")))
                .stage("s", s -> s.add(Opaque.class)));
    assertThat(e.getMessage())
        .contains(ErrorId.CACHE_CANNOT_STORE.tag())
        .contains("Factory [Opaque] is marked cacheable but its output cannot be stored")
        .contains("java.lang.Thread is neither a Dataset nor Serializable");
  }

  @Test
  void aReadyInstanceMarkedCacheableIsABuildError() {
    PipelineDefinitionException e =
        buildFails(
            Pipeline.builder("p")
                .spark(spark)
                .config(CacheFixtures.config(dir, 18))
                .stage(
                    "s",
                    s ->
                        s.add(
                            FactorySpec.of(new CacheFixtures.Greeting())
                                .withId("hello")
                                .withCache(CachePolicy.version("1")))));
    assertThat(e.getMessage()).contains(ErrorId.CACHE_NOT_KEYABLE.tag()).contains("[hello]");
  }

  @Test
  void cacheReadsOfAnUndeclaredConnectorAreABuildErrorListingTheDeclaredOnes() {
    PipelineDefinitionException e =
        buildFails(
            CacheFixtures.pipeline(
                spark,
                ConfigFactory.parseString("forgeline.cache.factories.CityNames.reads = [citys-csv]")
                    .withFallback(CacheFixtures.config(dir, 18))));
    assertThat(e.getMessage())
        .contains(ErrorId.CACHE_DECLARATION.tag())
        .contains("unknown: [citys-csv]")
        .contains("declared: [cities-csv, people-csv]");
  }

  @Test
  void anUnknownSelectionNameIsABuildErrorListingStagesAndIds() {
    PipelineDefinitionException e =
        buildFails(CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 18)).select("glod"));
    assertThat(e.getMessage())
        .contains(ErrorId.UNKNOWN_SELECTION.tag())
        .contains("--select [glod] matches no stage or factory")
        .contains("stages: [bronze, silver, gold]");
    PipelineDefinitionException from =
        buildFails(CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 18)).from("gold"));
    assertThat(from.getMessage()).contains("--from [gold] matches no factory");
  }

  @Test
  void anUpstreamThatCanBeServedNeitherFromTheCacheNorATableIsABuildErrorNamingIt() {
    PipelineDefinitionException e =
        buildFails(
            CacheFixtures.pipeline(
                    spark,
                    ConfigFactory.parseString("forgeline.cache.factories.Adults.enabled = false")
                        .withFallback(CacheFixtures.config(dir, 18)))
                .select("gold"));
    assertThat(e.getMessage())
        .contains(ErrorId.UNSERVED_UPSTREAM.tag())
        .contains("Factory [Adults] is not selected, but [AdultCount] need its output");
  }

  @Test
  void selectingAStageRunsItAndServesItsInputsFromTheCache() {
    ResultCache cache = ResultCache.inMemory();
    CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 18)).cache(cache).build().run();
    cache.invalidateFactory("AdultCount");
    PipelineReport r =
        CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 18))
            .cache(cache)
            .select("gold")
            .build()
            .run();
    assertThat(r.succeeded()).isTrue();
    assertThat(statuses(r))
        .containsEntry("AdultCount", Status.SUCCESS)
        .containsEntry("Adults", Status.CACHED)
        .containsEntry("ReadPeople", Status.CACHED)
        .containsEntry("ReadCities", Status.SKIPPED)
        .containsEntry("CityNames", Status.SKIPPED);
    assertThat(r.steps().get(1).reason()).startsWith("not selected (--select gold)");
    assertThat(CacheFixtures.processed("AdultCount")).isEqualTo(2);
    assertThat(CacheFixtures.processed("Adults")).isEqualTo(1);
  }

  @Test
  void fromAFactoryRunsItAndEverythingDownstreamEvenWhenCached() {
    ResultCache cache = ResultCache.inMemory();
    CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 18)).cache(cache).build().run();
    PipelineReport r =
        CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 18))
            .cache(cache)
            .from("Adults")
            .build()
            .run();
    assertThat(statuses(r))
        .containsEntry("ReadPeople", Status.CACHED)
        .containsEntry("Adults", Status.CACHED)
        .containsEntry("AdultCount", Status.CACHED)
        .containsEntry("CityNames", Status.SKIPPED);
  }

  @Test
  void aServedUpstreamWithoutAnEntryIsReadFromTheTableItDeclares() throws Exception {
    Path people = dir.resolve("people-out");
    new CacheFixtures.ReadPeopleOnce().write(spark, dir, people);
    var config =
        ConfigFactory.parseString(
                "forgeline.connectors.people-parquet { type = parquet, path = \""
                    + people
                    + "\" }\nforgeline.cache.factories.ReadPeople { enabled = false, table ="
                    + " people-parquet }")
            .withFallback(CacheFixtures.config(dir, 18));
    Pipeline p =
        CacheFixtures.pipeline(spark, config)
            .cache(ResultCache.inMemory())
            .select("Adults")
            .build();
    PipelineReport r = p.run();
    assertThat(statuses(r))
        .containsEntry("ReadPeople", Status.CACHED)
        .containsEntry("Adults", Status.SUCCESS)
        .containsEntry("CityNames", Status.SKIPPED)
        .containsEntry("AdultCount", Status.SKIPPED);
    assertThat(r.steps().get(0).reason())
        .isEqualTo("not selected: its output was read from connector [people-parquet]");
    assertThat(r.steps().get(0).cacheKey()).isNull();
    assertThat(names(p.output("Adults", ROWS))).containsExactly("ada", "cyd");
    assertThat(CacheFixtures.processed("ReadPeople")).isZero();
  }

  @Test
  void aServedUpstreamWithNeitherAnEntryNorATableFailsTheRunNamingIt() {
    PipelineReport r =
        CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 18))
            .cache(ResultCache.inMemory())
            .select("gold")
            .build()
            .execute();
    assertThat(r.succeeded()).isFalse();
    assertThat(statuses(r)).containsEntry("ReadPeople", Status.FAILED);
    assertThat(r.steps().get(0).error().summary())
        .contains("NotServed")
        .contains("factory [ReadPeople] is not selected and the cache");
  }
}
