package dev.forgeline.core.cli;

import com.typesafe.config.Config;
import dev.forgeline.core.spi.PipelineListener;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * Lets a module attach a listener to the runs of the command line when the configuration asks for
 * it, without core depending on that module: implementations are found with {@link
 * java.util.ServiceLoader} ({@code META-INF/services/dev.forgeline.core.cli.CliListenerProvider}).
 * pipeline-writer's provider attaches the run log when the config has {@code forgeline.log}.
 *
 * @since 0.1.0
 */
public interface CliListenerProvider {

  /** The config path this provider reads; a config with this path and no provider is reported. */
  String configPath();

  /**
   * The listener for a run with {@code config}, or empty when the config does not ask for one.
   *
   * @param config the effective configuration
   * @param spark the run's Spark session, created on first call; call it only when needed
   * @throws RuntimeException with a clear message when the settings under {@link #configPath()} are
   *     invalid; the command line then fails before anything runs
   */
  Optional<PipelineListener> listener(Config config, Supplier<SparkSession> spark);
}
