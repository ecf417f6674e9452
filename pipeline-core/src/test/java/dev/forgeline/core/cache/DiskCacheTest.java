package dev.forgeline.core.cache;

import static dev.forgeline.core.cache.CacheOnMockTest.ROWS;
import static dev.forgeline.core.cache.CacheOnMockTest.names;
import static dev.forgeline.core.cache.CacheOnMockTest.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeline.core.Pipeline;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.report.Status;
import dev.forgeline.mock.MockSparkSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk cache on the mock (which reads and writes Parquet): sharing, corruption, races. */
class DiskCacheTest {
  @TempDir Path dir;
  @TempDir Path cacheDir;

  @BeforeEach
  void inputs() throws Exception {
    CacheFixtures.PROCESSED.clear();
    CacheFixtures.writeInputs(dir);
  }

  private PipelineReport runWith(SparkSession spark, ResultCache cache) {
    return CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 18)).cache(cache).build().run();
  }

  private Path entry(ResultCache cache, String factoryId) {
    String key =
        cache.entries().stream()
            .filter(e -> e.factoryId().equals(factoryId))
            .findFirst()
            .orElseThrow()
            .key();
    return cacheDir.resolve("entries").resolve(key);
  }

  @Test
  void twoIndependentCachesOverOneDirectoryShareEntries() {
    // Two sessions and two cache instances: what a second process sees of the directory.
    PipelineReport first = runWith(MockSparkSession.create(), ResultCache.onDisk(cacheDir));
    assertThat(statuses(first).values()).containsOnly(Status.SUCCESS);
    ResultCache other = ResultCache.onDisk(cacheDir);
    assertThat(other.entries()).hasSize(5);
    assertThat(other.entries()).allSatisfy(e -> assertThat(e.sizeBytes()).isPositive());

    Pipeline second =
        CacheFixtures.pipeline(MockSparkSession.create(), CacheFixtures.config(dir, 18))
            .cache(other)
            .build();
    assertThat(statuses(second.run()).values()).containsOnly(Status.CACHED);
    assertThat(names(second.output("Adults", ROWS))).containsExactly("ada", "cyd");
    assertThat(second.output("AdultCount", Long.class)).isEqualTo(2L);
    assertThat(CacheFixtures.processed("Adults")).isEqualTo(1);
  }

  @Test
  void aTruncatedDataFileIsAMissWithAWarningAndTheStepRecomputesTheRightResult() throws Exception {
    ResultCache cache = ResultCache.onDisk(cacheDir);
    SparkSession spark = MockSparkSession.create();
    runWith(spark, cache);
    Path data = entry(cache, "Adults").resolve("data");
    Path part;
    try (Stream<Path> s = Files.list(data)) {
      part =
          s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Files.write(part, new byte[] {1, 2, 3});

    Pipeline p = CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 18)).cache(cache).build();
    PipelineReport r = p.run();
    assertThat(statuses(r))
        .containsEntry("Adults", Status.SUCCESS)
        .containsEntry("ReadPeople", Status.CACHED);
    assertThat(names(p.output("Adults", ROWS))).containsExactly("ada", "cyd");
    assertThat(statuses(p.run())).containsEntry("Adults", Status.CACHED);
  }

  @Test
  void anEntryWithoutItsMetadataAndAHalfWrittenTmpEntryAreNeverRead() throws Exception {
    ResultCache cache = ResultCache.onDisk(cacheDir);
    SparkSession spark = MockSparkSession.create();
    runWith(spark, cache);
    Path cities = entry(cache, "CityNames");
    String key = cities.getFileName().toString();
    Files.delete(cities.resolve("meta.properties"));
    // A writer that died half way leaves its copy under tmp/, never under entries/.
    Path half = cacheDir.resolve("tmp").resolve(key + "-dead");
    Files.createDirectories(half.resolve("data"));
    Files.write(half.resolve("data").resolve("part-0.parquet"), new byte[] {9});

    PipelineReport r = runWith(spark, cache);
    assertThat(statuses(r)).containsEntry("CityNames", Status.SUCCESS);
    assertThat(r.steps().stream().filter(s -> s.factoryId().equals("CityNames")))
        .singleElement()
        .satisfies(s -> assertThat(s.cacheKey()).isEqualTo(key));
    assertThat(Files.exists(cacheDir.resolve("entries").resolve(key).resolve("meta.properties")))
        .isTrue();
  }

  @Test
  void concurrentRunsOverOneDirectoryAllSucceedAndStoreEachKeyOnce() throws Exception {
    int runs = 4;
    ExecutorService pool = Executors.newFixedThreadPool(runs);
    try {
      List<Future<PipelineReport>> futures = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        Callable<PipelineReport> run =
            () -> runWith(MockSparkSession.create(), ResultCache.onDisk(cacheDir));
        futures.add(pool.submit(run));
      }
      for (Future<PipelineReport> f : futures) {
        PipelineReport r = f.get();
        assertThat(r.succeeded()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    ResultCache cache = ResultCache.onDisk(cacheDir);
    assertThat(cache.entries()).hasSize(5);
    try (Stream<Path> tmp = Files.list(cacheDir.resolve("tmp"))) {
      assertThat(tmp).isEmpty();
    }
    Pipeline p =
        CacheFixtures.pipeline(MockSparkSession.create(), CacheFixtures.config(dir, 18))
            .cache(cache)
            .build();
    assertThat(statuses(p.run()).values()).containsOnly(Status.CACHED);
    assertThat(p.output("AdultCount", Long.class)).isEqualTo(2L);
  }

  @Test
  void aSizeBoundEvictsTheLeastRecentlyUsedEntriesNoRunIsStillReading() {
    SparkSession spark = MockSparkSession.create();
    ResultCache unbounded = ResultCache.onDisk(cacheDir);
    runWith(spark, unbounded);
    List<CacheEntry> before = unbounded.entries();
    long total = before.stream().mapToLong(CacheEntry::sizeBytes).sum();
    String oldAdults =
        before.stream().filter(e -> e.factoryId().equals("Adults")).findFirst().orElseThrow().key();

    CacheOnMockTest.MovableClock later = new CacheOnMockTest.MovableClock();
    later.now = java.time.Instant.now().plus(java.time.Duration.ofHours(1));
    ResultCache bounded = ResultCache.onDisk(cacheDir, total, java.time.Duration.ofMinutes(10));
    Pipeline p =
        CacheFixtures.pipeline(spark, CacheFixtures.config(dir, 40))
            .cache(bounded)
            .clock(later)
            .build();
    PipelineReport r = p.run();
    assertThat(statuses(r))
        .containsEntry("ReadPeople", Status.CACHED)
        .containsEntry("Adults", Status.SUCCESS);
    assertThat(names(p.output("Adults", ROWS))).containsExactly("cyd");
    List<CacheEntry> left = bounded.entries();
    // Over the bound, every entry this run did not use was evicted (the min-age 18 results), and
    // every entry it used, or was still to use, is there.
    assertThat(left)
        .extracting(CacheEntry::key)
        .doesNotContain(oldAdults)
        .containsExactlyInAnyOrderElementsOf(r.steps().stream().map(s -> s.cacheKey()).toList());
  }
}
