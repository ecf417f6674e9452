package dev.forgeline.core;

import com.typesafe.config.Config;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a {@link Condition} may look at while a run decides whether a step runs. Made by the engine,
 * used on the coordinating thread only.
 *
 * @since 0.2.0
 */
public interface ConditionContext {
  /** The pipeline's name. */
  String pipeline();

  /** The pipeline's configuration. */
  Config config();

  /**
   * The configuration value at {@code key} as text (a string unquoted, a number or boolean as
   * written).
   *
   * @throws com.typesafe.config.ConfigException.Missing when the key is not set
   */
  String configValue(String key);

  /** The run's environment ({@code forgeline.environment}, chosen with {@code --env}), if any. */
  Optional<String> environment();

  /** The run's date: the day of the run's start in the zone of the pipeline's clock. */
  LocalDate runDate();

  /**
   * The output of step {@code stepId}, which the condition declared it reads.
   *
   * @throws IllegalStateException when the step did not succeed or was not declared
   * @throws ClassCastException when the output is not a {@code type}
   */
  <T> T output(String stepId, Class<T> type);

  /** Whether step {@code stepId} (awaited by the condition) failed or was cancelled. */
  boolean failed(String stepId);

  /** Whether step {@code stepId} (awaited by the condition) succeeded or came from the cache. */
  boolean succeeded(String stepId);
}
