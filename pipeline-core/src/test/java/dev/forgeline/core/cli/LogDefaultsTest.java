package dev.forgeline.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CLI's log configuration applies only where nothing else configured Log4j 2. */
class LogDefaultsTest {
  private LoggerContext context;
  private URI testConfig;

  @BeforeEach
  void remember() {
    context = (LoggerContext) LogManager.getContext(false);
    testConfig = context.getConfigLocation();
  }

  @AfterEach
  void restore() {
    context.setConfigLocation(testConfig);
  }

  private static Level level(String logger) {
    return LogManager.getLogger(logger).getLevel();
  }

  @Test
  void aLog4j2FileOfTheUsersWins() {
    Level before = level("dev.forgeline.core.steps");

    assertThat(LogDefaults.apply(false)).isEqualTo(LogDefaults.Result.USER_CONFIGURED);
    assertThat(LogDefaults.apply(true)).isEqualTo(LogDefaults.Result.USER_CONFIGURED);
    assertThat(level("dev.forgeline.core.steps")).isEqualTo(before);
    assertThat(context.getConfigLocation()).isEqualTo(testConfig);
  }

  @Test
  void sparksFallbackProfileCountsAsUnconfiguredAndSparkGoesToWarn() throws Exception {
    context.setConfigLocation(sparkFallback());
    assertThat(level("org.apache.spark.scheduler.DAGScheduler")).isEqualTo(Level.INFO);

    assertThat(LogDefaults.apply(false)).isEqualTo(LogDefaults.Result.APPLIED);

    assertThat(level("org.apache.spark.scheduler.DAGScheduler")).isEqualTo(Level.WARN);
    assertThat(level("org.apache.hadoop.fs.FileSystem")).isEqualTo(Level.WARN);
    assertThat(level("io.delta.tables.DeltaTable")).isEqualTo(Level.WARN);
    assertThat(level("org.apache.parquet.hadoop.ParquetOutputFormat")).isEqualTo(Level.WARN);
    assertThat(level("dev.forgeline.core.steps")).isEqualTo(Level.INFO);
  }

  @Test
  void verboseBringsSparksInfoLinesBackAndCanBeSwitchedAgain() throws Exception {
    context.setConfigLocation(sparkFallback());

    assertThat(LogDefaults.apply(true)).isEqualTo(LogDefaults.Result.APPLIED);
    assertThat(level("org.apache.spark.scheduler.DAGScheduler")).isEqualTo(Level.INFO);
    assertThat(level("dev.forgeline.core.steps")).isEqualTo(Level.INFO);

    // Forgeline's own configuration is not the user's: a second call may change it.
    assertThat(LogDefaults.apply(false)).isEqualTo(LogDefaults.Result.APPLIED);
    assertThat(level("org.apache.spark.scheduler.DAGScheduler")).isEqualTo(Level.WARN);
  }

  private static URI sparkFallback() throws Exception {
    return LogDefaultsTest.class
        .getClassLoader()
        .getResource("org/apache/spark/log4j2-defaults.properties")
        .toURI();
  }
}
