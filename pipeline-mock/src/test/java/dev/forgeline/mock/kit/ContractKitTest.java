package dev.forgeline.mock.kit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forgeline.mock.MockSparkSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every kit case on the shared local Spark session (with Delta's extension; the kit itself
 * moves the cases that need Spark's own SQL parser to a session without it) and on a fresh mock
 * session, and compares them. Spark must behave as each case declares; the mock must match Spark,
 * except for the cases listed in {@link KnownGaps}, which must still differ (so a fix shrinks the
 * list). Every differing case is also written to {@code contract-kit-report.txt} (full reports) and
 * {@code contract-kit-differences.tsv} (id and one-line headline) in the build dir.
 */
class ContractKitTest {

  private static final List<CaseResult> DIFFERING = new CopyOnWriteArrayList<>();

  @TestFactory
  Stream<DynamicTest> everyCaseMatchesSparkOnTheMock() {
    SparkSession spark = SharedSpark.get();
    Map<String, String> gaps = ContractKit.knownGaps();
    String only = System.getProperty("forgeline.kit.area", "");
    String ids = System.getProperty("forgeline.kit.ids", "");
    return ContractKit.cases().stream()
        .filter(c -> only.isEmpty() || List.of(only.split(",")).contains(c.area()))
        .filter(c -> ids.isEmpty() || List.of(ids.split(",")).contains(c.id()))
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.id(),
                    () -> {
                      CaseResult r = ContractKit.compare(c, spark, mock());
                      if (!r.passesBoth()) {
                        DIFFERING.add(r);
                      }
                      assertTrue(r.sparkAsIntended(), r::report);
                      if (gaps.containsKey(c.id())) {
                        assertFalse(
                            r.mockMatches(),
                            () ->
                                "["
                                    + c.id()
                                    + "] is listed in KnownGaps ("
                                    + gaps.get(c.id())
                                    + ") but now passes on the mock: remove it from the list");
                      } else {
                        assertTrue(r.mockMatches(), r::report);
                      }
                    }));
  }

  private static SparkSession mock() {
    return MockSparkSession.builder().config("spark.sql.session.timeZone", "UTC").build();
  }

  @AfterAll
  static void writeReport() throws IOException {
    Path dir = Path.of(System.getProperty("forgeline.build.dir", "target"));
    Files.createDirectories(dir);
    StringBuilder report = new StringBuilder();
    StringBuilder headlines = new StringBuilder();
    for (CaseResult r : DIFFERING) {
      report.append(r.report()).append('\n');
      headlines.append(r.kitCase().id()).append('\t').append(r.headline()).append('\n');
    }
    Files.writeString(dir.resolve("contract-kit-report.txt"), report, StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("contract-kit-differences.tsv"), headlines, StandardCharsets.UTF_8);
  }
}
