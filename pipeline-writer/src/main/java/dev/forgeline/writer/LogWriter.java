package dev.forgeline.writer;

import dev.forgeline.core.Sleeper;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.spi.PipelineListener;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends run reports to the run log, a Delta table of {@link RunLog#SCHEMA}.
 *
 * <p>Concurrency: every report is one Delta commit, appended with {@code mergeSchema} and never an
 * overwrite. The commit carries Delta's {@code txnAppId} (derived from the run id) and {@code
 * txnVersion}, so writing the same report again, from this JVM or another, after a crash between
 * the commit and its acknowledgement, adds nothing. Delta's concurrent-modification exceptions are
 * retried with bounded exponential backoff; the table is created on first use, and two writers
 * creating it at once both succeed.
 *
 * <p>As a {@link PipelineListener} it writes the report of every run at {@link #onRunEnd}, failed
 * runs included. A failure to write is logged at ERROR and rethrown to the engine, which records it
 * in the report's metadata ({@code listener.failed.dev.forgeline.writer.LogWriter}); the run's own
 * result never changes.
 *
 * <pre>{@code
 * LogWriter log = LogWriter.builder(spark).path("/data/forgeline/run_log").build();
 * log.write(report);                                   // by hand, or:
 * Pipeline.builder("sales").listener(log)...build().run();   // at the end of every run
 * }</pre>
 *
 * @since 0.1.0
 */
public final class LogWriter implements PipelineListener {
  private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);
  static final StructType WRITE_SCHEMA = RunLog.SCHEMA.asNullable();

  private final SparkSession spark;
  private final LogSettings settings;
  private final LogTable table;
  private final int maxAttempts;
  private final Duration backoff;
  private final Duration maxBackoff;
  private final Sleeper sleeper;
  private volatile boolean ensured;

  private LogWriter(Builder b) {
    this.spark = b.spark;
    this.settings = b.settings;
    this.table = LogTable.of(spark, settings.target(), settings.partitionBy());
    this.maxAttempts = b.maxAttempts;
    this.backoff = b.backoff;
    this.maxBackoff = b.maxBackoff;
    this.sleeper = b.sleeper;
  }

  /** Starts a writer on {@code spark}; name the table or path next. */
  public static Builder builder(SparkSession spark) {
    return new Builder(spark);
  }

  /** Where this writer writes. */
  public LogTarget target() {
    return settings.target();
  }

  /** The settings this writer was built with. */
  public LogSettings settings() {
    return settings;
  }

  /** A reader of the same table. */
  public LogReader reader() {
    return new LogReader(spark, settings.target());
  }

  /**
   * Appends {@code report} as one commit: a RUN row and one STEP row per step. Writing a report
   * whose run is already in the log adds nothing.
   *
   * @return what was written and how many attempts it took
   * @throws LogException {@code LogNotDelta} or {@code LogSchemaIncompatible} when the table cannot
   *     take the rows (nothing is written), {@code LogWriteFailed} when Delta refused the commit or
   *     the retries ran out
   */
  public LogWrite write(PipelineReport report) {
    Objects.requireNonNull(report, "report");
    List<Row> rows = RunLog.rows(report);
    Dataset<Row> data = spark.createDataFrame(rows, WRITE_SCHEMA).coalesce(1);
    String appId = appId(report.runId());
    int attempt = 1;
    while (true) {
      try {
        if (!ensured) {
          table.ensure();
          ensured = true;
        }
        // After a conflict, look the run up in the newest snapshot: the conflict may be our run.
        table.append(data, appId, settings.options(), attempt > 1);
        return new LogWrite(report.runId(), rows.size(), attempt);
      } catch (LogException e) {
        throw e;
      } catch (RuntimeException e) {
        if (!isConcurrentModification(e) || attempt >= maxAttempts) {
          throw failed(report, attempt, e);
        }
        Duration wait = backoff(attempt);
        LOG.debug(
            "Run log commit of run {} conflicted (attempt {}), retrying in {}",
            report.runId(),
            attempt,
            wait);
        sleep(wait, report, attempt, e);
        attempt++;
      }
    }
  }

  /**
   * Writes the report of the run that just ended. A failure is logged at ERROR here and rethrown,
   * so the engine records it in the report's metadata; it never changes the run's result.
   */
  @Override
  public void onRunEnd(PipelineReport report) {
    try {
      write(report);
    } catch (RuntimeException e) {
      LOG.error(
          "The run log of run [{}] of pipeline [{}] was NOT written to {}: {}",
          report.runId(),
          report.pipeline(),
          settings.target(),
          e.getMessage(),
          e);
      throw e;
    }
  }

  /** The Delta transaction id of a run: stable across writers, processes and replays. */
  static String appId(String runId) {
    return "forgeline-run-log:" + runId;
  }

  private Duration backoff(int attempt) {
    long base = backoff.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, maxBackoff.toMillis());
    // Jitter keeps writers that collided once from colliding again in lockstep.
    long jitter =
        (long) (capped * 0.5 * java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    return Duration.ofMillis(capped / 2 + jitter);
  }

  private void sleep(Duration wait, PipelineReport report, int attempt, RuntimeException cause) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      LogException e = failed(report, attempt, cause);
      e.addSuppressed(ie);
      throw e;
    }
  }

  static boolean isConcurrentModification(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DeltaConcurrentModificationException) {
        return true;
      }
    }
    return false;
  }

  private LogException failed(PipelineReport report, int attempts, RuntimeException e) {
    boolean conflict = isConcurrentModification(e);
    return new LogException(
        WriterError.LOG_WRITE_FAILED,
        "The run log of run ["
            + report.runId()
            + "] could not be written"
            + (conflict ? " after " + attempts + " conflicting attempts." : "."),
        settings.target().toString(),
        List.of("error: " + e.getClass().getName() + ": " + DeltaLogTable.firstLine(e)),
        conflict
            ? "Many writers commit to the log at once; raise maxAttempts or the backoff."
            : "Check that the log table is writable; writing the same report again is safe.",
        e);
  }

  /**
   * Builds a {@link LogWriter}. Setting an option twice, or both a table and a path, fails at once.
   */
  public static final class Builder {
    private final SparkSession spark;
    private LogSettings settings;
    private int maxAttempts = 10;
    private Duration backoff = Duration.ofMillis(50);
    private Duration maxBackoff = Duration.ofSeconds(2);
    private Sleeper sleeper = Sleeper.SYSTEM;
    private boolean retrySet;
    private boolean sleeperSet;

    private Builder(SparkSession spark) {
      this.spark = Objects.requireNonNull(spark, "spark");
    }

    /** Writes to the catalog table {@code name} (partitioned by run_date). */
    public Builder table(String name) {
      return settings(LogSettings.of(LogTarget.table(name)));
    }

    /** Writes to the Delta table at {@code path} (partitioned by run_date). */
    public Builder path(String path) {
      return settings(LogSettings.of(LogTarget.path(path)));
    }

    /** Writes where and how {@code settings} say (from {@code forgeline.log}). */
    public Builder settings(LogSettings settings) {
      Objects.requireNonNull(settings, "settings");
      if (this.settings != null) {
        throw LogSettings.conflict("target", this.settings.target().toString());
      }
      this.settings = settings;
      return this;
    }

    /**
     * Retries Delta's concurrent-modification exceptions: at most {@code maxAttempts} attempts in
     * all, waiting about {@code backoff}, doubled each time up to {@code maxBackoff}. Defaults: 10,
     * 50 ms, 2 s.
     */
    public Builder retry(int maxAttempts, Duration backoff, Duration maxBackoff) {
      if (retrySet) {
        throw LogSettings.conflict("retry", this.maxAttempts + " attempts");
      }
      if (maxAttempts < 1 || backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
        throw LogSettings.badValue(
            "retry",
            maxAttempts + ", " + backoff + ", " + maxBackoff,
            "at least 1 attempt, a backoff >= 0 and a maximum >= the backoff");
      }
      this.retrySet = true;
      this.maxAttempts = maxAttempts;
      this.backoff = backoff;
      this.maxBackoff = maxBackoff;
      return this;
    }

    /** How the writer waits between retries; {@link Sleeper#SYSTEM} by default. */
    public Builder sleeper(Sleeper sleeper) {
      if (sleeperSet) {
        throw LogSettings.conflict("sleeper", String.valueOf(this.sleeper));
      }
      this.sleeperSet = true;
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The writer; fails when neither a table nor a path was given. */
    public LogWriter build() {
      if (settings == null) {
        throw new LogException(
            WriterError.LOG_CONFIG,
            "The log writer has no table and no path.",
            "LogWriter.builder",
            List.of(),
            "Call table(name), path(path) or settings(LogSettings.from(config)).",
            null);
      }
      return new LogWriter(this);
    }
  }

  /**
   * What one {@link #write} did.
   *
   * @param runId the run written
   * @param rows the rows handed to Delta (skipped by Delta when the run was already in the log)
   * @param attempts the attempts it took; more than 1 when concurrent commits conflicted
   */
  public record LogWrite(String runId, int rows, int attempts) {}
}
