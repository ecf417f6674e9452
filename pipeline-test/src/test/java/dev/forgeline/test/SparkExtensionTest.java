package dev.forgeline.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The extension's lifecycle and conditions, checked by running small test classes in a launcher.
 */
class SparkExtensionTest {

  /** What the nested launcher saw: skipped tests with reasons, and results. */
  static final class Recorder implements TestExecutionListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
      events.add(id.getDisplayName() + " skipped: " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
      if (id.isTest() || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
        events.add(
            id.getDisplayName()
                + " "
                + result.getStatus()
                + result.getThrowable().map(t -> ": " + t.getMessage()).orElse(""));
      }
    }
  }

  private static List<String> run(Class<?> type) {
    Recorder r = new Recorder();
    LauncherFactory.create()
        .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(type)).build(), r);
    return r.events;
  }

  @SparkTest
  static class NeedsSpark {
    @Test
    @RequiresSpark("reads a Delta table")
    void delta(SparkSession spark) {
      spark.range(1).count();
    }

    @Test
    void anywhere(SparkSession spark) {
      spark.range(1).count();
    }
  }

  @Test
  void aTestThatNeedsSparkIsSkippedOnTheMockWithTheReason() {
    List<String> events = run(NeedsSpark.class);
    if (Backend.current() == Backend.MOCK) {
      assertThat(events)
          .containsExactlyInAnyOrder(
              "delta(SparkSession) skipped: needs real Spark (reads a Delta table) and the backend"
                  + " is the mock; run it with -Dforgeline.test.backend=spark or"
                  + " FORGELINE_TEST_BACKEND=spark",
              "anywhere(SparkSession) SUCCESSFUL");
    } else {
      assertThat(events)
          .containsExactlyInAnyOrder(
              "delta(SparkSession) SUCCESSFUL", "anywhere(SparkSession) SUCCESSFUL");
    }
  }

  @SparkTest(isolation = SparkTest.Isolation.PER_CLASS)
  static class Shared {
    static SparkSession fromBeforeAll;
    static SparkSession staticField;
    SparkSession field;

    @BeforeAll
    static void before(SparkSession spark) {
      fromBeforeAll = spark;
    }

    @Test
    void one(SparkSession spark) {
      assertSame(fromBeforeAll, spark);
      assertSame(staticField, spark);
      assertSame(field, spark);
      spark.range(3).createOrReplaceTempView("shared_view");
    }

    @Test
    void two(SparkSession spark) {
      assertSame(fromBeforeAll, spark);
      spark.range(3).createOrReplaceTempView("shared_view");
    }
  }

  @Test
  void aClassSharesOneSessionWhenAskedTo() {
    assertThat(run(Shared.class))
        .containsExactlyInAnyOrder("one(SparkSession) SUCCESSFUL", "two(SparkSession) SUCCESSFUL");
  }

  /** Sessions the nested classes below saw, in test order. */
  static final List<SparkSession> SEEN = java.util.Collections.synchronizedList(new ArrayList<>());

  @SparkTest(isolation = SparkTest.Isolation.PER_CLASS)
  static class SharedOuter {
    static SparkSession outerStatic;
    SparkSession outerField;

    @BeforeAll
    static void view(SparkSession spark) {
      spark.range(2).createOrReplaceTempView("outer_view");
    }

    @Nested
    class Inner {
      SparkSession innerField;

      @Test
      void seesTheOuterSession(SparkSession spark) {
        assertSame(outerStatic, spark);
        assertSame(outerField, spark);
        assertSame(innerField, spark);
        assertThat(spark.table("outer_view").count()).isEqualTo(2);
        SEEN.add(spark);
      }
    }

    @Nested
    @SparkTest
    class OwnPerTest {
      @Test
      void a(SparkSession spark) {
        assertNotSame(outerStatic, spark);
        assertSame(outerField, spark);
        spark.range(1).createOrReplaceTempView("own_view");
        SEEN.add(spark);
      }

      @Test
      void b(SparkSession spark) {
        assertNotSame(outerStatic, spark);
        assertThat(spark.catalog().tableExists("own_view")).isFalse();
        SEEN.add(spark);
      }
    }
  }

  @Test
  void aNestedClassSharesTheEnclosingClassSessionUnlessItAsksForItsOwn() {
    SEEN.clear();
    assertThat(run(SharedOuter.class))
        .containsExactlyInAnyOrder(
            "seesTheOuterSession(SparkSession) SUCCESSFUL",
            "a(SparkSession) SUCCESSFUL",
            "b(SparkSession) SUCCESSFUL");
    assertThat(SEEN).hasSize(3).doesNotHaveDuplicates();
  }

  @SparkTest
  static class PerTestOuter {
    SparkSession outerField;

    @Nested
    class Inner {
      SparkSession innerField;

      @Test
      void a(SparkSession spark) {
        assertSame(outerField, spark);
        assertSame(innerField, spark);
        spark.range(1).createOrReplaceTempView("inner_view");
        SEEN.add(spark);
      }

      @Test
      void b(SparkSession spark) {
        assertSame(outerField, spark);
        assertThat(spark.catalog().tableExists("inner_view")).isFalse();
        SEEN.add(spark);
      }
    }

    @Nested
    @SparkTest(isolation = SparkTest.Isolation.PER_CLASS)
    class SharedInner {
      @Test
      void c(SparkSession spark) {
        SEEN.add(spark);
      }

      @Test
      void d(SparkSession spark) {
        SEEN.add(spark);
      }
    }
  }

  @Test
  void nestedTestsOfAPerTestClassAreIsolatedAndANestedPerClassSharesWithinItself() {
    SEEN.clear();
    assertThat(run(PerTestOuter.class))
        .containsExactlyInAnyOrder(
            "a(SparkSession) SUCCESSFUL",
            "b(SparkSession) SUCCESSFUL",
            "c(SparkSession) SUCCESSFUL",
            "d(SparkSession) SUCCESSFUL");
    assertThat(SEEN).hasSize(4).doesNotContainNull();
    assertThat(SEEN.stream().distinct().count()).isEqualTo(3); // a, b alone; c and d share one
  }

  @ExtendWith(SparkExtension.class)
  static class StaticWithoutSharing {
    static SparkSession spark;

    @Test
    void t() {}
  }

  @Test
  void aStaticFieldNeedsPerClassIsolation() {
    assertThat(run(StaticWithoutSharing.class))
        .containsExactly(
            "SparkExtensionTest$StaticWithoutSharing FAILED: static SparkSession field [StaticWithoutSharing.spark]"
                + " needs a session shared by the class: use"
                + " @SparkTest(isolation = SparkTest.Isolation.PER_CLASS), or make the field an"
                + " instance field");
  }

  @Test
  void askingForSparkWithoutSparkOnTheClasspathNamesTheDependency() {
    ClassLoader withoutSpark = new ClassLoader(ClassLoader.getPlatformClassLoader()) {};
    ExtensionConfigurationException e =
        assertThrows(
            ExtensionConfigurationException.class,
            () -> LocalSpark.requireOnClasspath(withoutSpark));
    assertThat(e.getMessage())
        .startsWith("[Forgeline/SparkNotOnClasspath] The test backend is [spark]")
        .contains("class [org.apache.spark.sql.classic.SparkSession] was not found")
        .contains("add org.apache.spark:spark-sql_2.13");
    LocalSpark.requireOnClasspath(SparkExtensionTest.class.getClassLoader());
  }
}
