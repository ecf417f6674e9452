package dev.forgeline.core;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a pipeline runs: scheduling mode, parallelism, failure policy, default retry and timeout.
 *
 * <p>Immutable; {@code with...} methods return a new instance. {@link #fromConfig(Config)} reads
 * the {@code forgeline.execution} block (defaults in pipeline-core's {@code reference.conf}). The
 * environment variable {@value #MODE_ENV} overrides the mode at run time ({@code auto}, {@code
 * parallel} or {@code sequential}), so a CI job can force parallel execution on the mock backend.
 *
 * @param mode how factories are put onto threads
 * @param parallelism the most factories running at once in parallel mode, at least 1
 * @param failurePolicy what a failure does to the rest of the run
 * @param retry the retry policy of factories that do not set their own
 * @param timeout the time limit of factories that do not set their own, covering all attempts and
 *     the waits between them; empty for none
 * @param stageBarriers whether each stage waits for the whole previous stage (SETL's behaviour);
 *     off by default, when only deliveries order factories
 * @param stopGrace how long a step that was interrupted (timed out, or cancelled by a fail-fast
 *     stop or a caller interrupt) may take to end before the run reports it stuck, abandons its
 *     thread and ends without it; positive, 30 s by default
 * @since 0.1.0
 */
public record ExecutionSettings(
    ExecutionMode mode,
    int parallelism,
    FailurePolicy failurePolicy,
    RetryPolicy retry,
    Optional<Duration> timeout,
    boolean stageBarriers,
    Duration stopGrace) {

  /** The default {@link #stopGrace()}. */
  public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(30);

  /** The environment variable that overrides {@link #mode()}. */
  public static final String MODE_ENV = "FORGELINE_EXECUTION_MODE";

  /** The config path read by {@link #fromConfig(Config)}. */
  public static final String CONFIG_PATH = "forgeline.execution";

  /** Checks the values. */
  public ExecutionSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(failurePolicy, "failurePolicy");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(stopGrace, "stopGrace");
    if (stopGrace.isNegative() || stopGrace.isZero()) {
      throw new IllegalArgumentException("stopGrace was [" + stopGrace + "] but must be positive");
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism was [" + parallelism + "] but must be >= 1");
    }
    timeout.ifPresent(
        t -> {
          if (t.isNegative() || t.isZero()) {
            throw new IllegalArgumentException("timeout was [" + t + "] but must be positive");
          }
        });
  }

  /** The settings with the {@link #DEFAULT_STOP_GRACE default stop grace}. */
  public ExecutionSettings(
      ExecutionMode mode,
      int parallelism,
      FailurePolicy failurePolicy,
      RetryPolicy retry,
      Optional<Duration> timeout,
      boolean stageBarriers) {
    this(mode, parallelism, failurePolicy, retry, timeout, stageBarriers, DEFAULT_STOP_GRACE);
  }

  /**
   * AUTO mode, parallelism = available processors (at least 2), FAIL_FAST, no retry, no timeout.
   */
  public static ExecutionSettings defaults() {
    return new ExecutionSettings(
        ExecutionMode.AUTO,
        autoParallelism(),
        FailurePolicy.FAIL_FAST,
        RetryPolicy.NONE,
        Optional.empty(),
        false,
        DEFAULT_STOP_GRACE);
  }

  /**
   * Reads {@code forgeline.execution} from {@code config}: {@code mode} (auto | parallel |
   * sequential), {@code parallelism} (a number, or {@code auto} for the available processors),
   * {@code failure-policy} (fail-fast | continue), {@code retry.max-attempts}, {@code
   * retry.initial-backoff}, {@code retry.multiplier}, {@code retry.max-backoff}, {@code timeout} (a
   * duration or {@code none}), {@code stage-barriers} and {@code stop-grace}.
   *
   * @throws com.typesafe.config.ConfigException naming the key and its origin when a value is
   *     missing or of the wrong type
   */
  public static ExecutionSettings fromConfig(Config config) {
    Config c = config.getConfig(CONFIG_PATH);
    String p = c.getString("parallelism");
    int parallelism = p.equalsIgnoreCase("auto") ? autoParallelism() : c.getInt("parallelism");
    String t = c.getString("timeout");
    Optional<Duration> timeout =
        t.equalsIgnoreCase("none") ? Optional.empty() : Optional.of(c.getDuration("timeout"));
    RetryPolicy retry =
        new RetryPolicy(
            c.getInt("retry.max-attempts"),
            c.getDuration("retry.initial-backoff"),
            c.getDouble("retry.multiplier"),
            c.getDuration("retry.max-backoff"));
    return new ExecutionSettings(
        enumValue(c, "mode", ExecutionMode.class),
        parallelism,
        enumValue(c, "failure-policy", FailurePolicy.class),
        retry,
        timeout,
        c.getBoolean("stage-barriers"),
        c.hasPath("stop-grace") ? c.getDuration("stop-grace") : DEFAULT_STOP_GRACE);
  }

  private static int autoParallelism() {
    return Math.max(2, Runtime.getRuntime().availableProcessors());
  }

  private static <E extends Enum<E>> E enumValue(Config c, String key, Class<E> type) {
    String raw = c.getString(key);
    String name = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    StringBuilder allowed = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
      allowed.append(allowed.length() == 0 ? "" : ", ");
      allowed.append(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    throw new ConfigException.BadValue(
        c.getValue(key).origin(),
        CONFIG_PATH + "." + key,
        "was [" + raw + "] but must be one of [" + allowed + "]");
  }

  /** A copy with {@code mode}. */
  public ExecutionSettings withMode(ExecutionMode mode) {
    return new ExecutionSettings(
        mode, parallelism, failurePolicy, retry, timeout, stageBarriers, stopGrace);
  }

  /** A copy with {@code parallelism}. */
  public ExecutionSettings withParallelism(int parallelism) {
    return new ExecutionSettings(
        mode, parallelism, failurePolicy, retry, timeout, stageBarriers, stopGrace);
  }

  /** A copy with {@code failurePolicy}. */
  public ExecutionSettings withFailurePolicy(FailurePolicy failurePolicy) {
    return new ExecutionSettings(
        mode, parallelism, failurePolicy, retry, timeout, stageBarriers, stopGrace);
  }

  /** A copy with the default {@code retry} policy. */
  public ExecutionSettings withRetry(RetryPolicy retry) {
    return new ExecutionSettings(
        mode, parallelism, failurePolicy, retry, timeout, stageBarriers, stopGrace);
  }

  /** A copy with the default per-factory {@code timeout}. */
  public ExecutionSettings withTimeout(Duration timeout) {
    return new ExecutionSettings(
        mode, parallelism, failurePolicy, retry, Optional.of(timeout), stageBarriers, stopGrace);
  }

  /** A copy with stage barriers on or off. */
  public ExecutionSettings withStageBarriers(boolean stageBarriers) {
    return new ExecutionSettings(
        mode, parallelism, failurePolicy, retry, timeout, stageBarriers, stopGrace);
  }

  /** A copy with {@code stopGrace}, how long an interrupted step may take to end. */
  public ExecutionSettings withStopGrace(Duration stopGrace) {
    return new ExecutionSettings(
        mode, parallelism, failurePolicy, retry, timeout, stageBarriers, stopGrace);
  }
}
