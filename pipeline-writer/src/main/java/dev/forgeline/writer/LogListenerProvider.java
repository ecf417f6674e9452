package dev.forgeline.writer;

import com.typesafe.config.Config;
import dev.forgeline.core.cli.CliListenerProvider;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.spi.PipelineListener;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * Attaches the run log to the command line's runs when the config has {@code forgeline.log}: found
 * by the command line through {@link java.util.ServiceLoader}, so core never depends on this
 * module. The settings are checked before the run; the Spark session is only asked for when the run
 * ends.
 *
 * @since 0.1.0
 */
public final class LogListenerProvider implements CliListenerProvider {
  /** Called by {@link java.util.ServiceLoader}. */
  public LogListenerProvider() {}

  @Override
  public String configPath() {
    return LogSettings.PATH;
  }

  @Override
  public Optional<PipelineListener> listener(Config config, Supplier<SparkSession> spark) {
    return LogSettings.from(config).map(settings -> new Deferred(settings, spark));
  }

  /** Builds the LogWriter at the end of the run, on the run's session. */
  private static final class Deferred implements PipelineListener {
    private final LogSettings settings;
    private final Supplier<SparkSession> spark;

    Deferred(LogSettings settings, Supplier<SparkSession> spark) {
      this.settings = settings;
      this.spark = spark;
    }

    @Override
    public void onRunEnd(PipelineReport report) {
      LogWriter.builder(spark.get()).settings(settings).build().onRunEnd(report);
    }
  }
}
