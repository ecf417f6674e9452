package dev.forgeline.validation.pipeline;

import com.google.inject.Binding;
import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.typesafe.config.Config;
import dev.forgeline.core.connector.Connector;
import dev.forgeline.core.connector.Connectors;
import dev.forgeline.core.spi.StepContext;
import dev.forgeline.core.spi.StepInfo;
import dev.forgeline.core.spi.StepInterceptor;
import dev.forgeline.validation.Action;
import dev.forgeline.validation.ValidationOutcome;
import dev.forgeline.validation.Validator;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@link StepInterceptor} that validates factory outputs at their boundary (bound by {@link
 * ValidationModule}): it validates the output, records the figures in the step's report, fails the
 * step on a breached FAIL rule (or DROP rule with a threshold), writes the quarantine to its
 * connector and hands consumers the valid rows.
 *
 * @since 0.1.0
 */
public final class BoundaryValidation implements StepInterceptor {
  private final Injector injector;
  private final Map<String, Optional<Boundary>> boundaries = new ConcurrentHashMap<>();

  /** Created by Guice. */
  @Inject
  public BoundaryValidation(Injector injector) {
    this.injector = injector;
  }

  @Override
  public Object afterGet(StepInfo step, Object output) throws Exception {
    Optional<Boundary> boundary =
        boundaries.computeIfAbsent(
            step.factoryId(),
            id -> Boundary.of(id, load(step.factoryClass()), bound(Config.class), references()));
    if (boundary.isEmpty()) {
      return output;
    }
    if (!(output instanceof Dataset<?> data)) {
      throw new IllegalStateException(
          "factory ["
              + step.factoryId()
              + "] declares validation but its output is ["
              + (output == null ? "null" : output.getClass().getName())
              + "], not a Dataset");
    }
    Boundary b = boundary.get();
    Validator validator = b.validator();
    boolean moves = validator.rules().stream().anyMatch(r -> r.action() != Action.WARN);
    ValidationOutcome outcome;
    if (moves && !b.quarantine().isEmpty() && !mayFail(validator)) {
      // No rule can fail the step: the quarantine is written first, with the figures counted during
      // that write, so the output is read once for both.
      Connector sink = quarantine(step, b);
      outcome = validator.split(data.toDF()).writeQuarantine(sink::write);
      record(b, outcome);
    } else {
      outcome = validator.validate(data.toDF());
      record(b, outcome);
      outcome.throwIfFailed();
      if (moves && !b.quarantine().isEmpty()) {
        // Written on every run, so the connector never shows an earlier run's rows; when nothing
        // was quarantined, an empty Dataset that Spark plans without reading the data.
        quarantine(step, b)
            .write(
                outcome.invalidRows() == 0
                    ? outcome.quarantined().limit(0)
                    : outcome.quarantined());
      }
    }
    if (!moves || outcome.invalidRows() == 0) {
      return output;
    }
    Dataset<Row> valid = outcome.valid();
    return isRows(data) ? valid : valid.as(data.encoder());
  }

  /**
   * Whether a breach of any rule fails the validation: a FAIL rule, or a DROP rule with a
   * threshold.
   */
  private static boolean mayFail(Validator validator) {
    return validator.rules().stream()
        .anyMatch(
            r ->
                r.action() == Action.FAIL
                    || (r.action() == Action.DROP && r.threshold().isPresent()));
  }

  private static void record(Boundary b, ValidationOutcome outcome) {
    StepContext.current()
        .ifPresent(
            c -> {
              c.recordValidation(outcome.toReport());
              c.putMetadata("validation.quarantined", String.valueOf(outcome.invalidRows()));
              c.putMetadata("validation.rules", b.source());
            });
  }

  private Connector quarantine(StepInfo step, Boundary b) {
    Connectors connectors = bound(Connectors.class);
    if (connectors == null) {
      throw new IllegalStateException(
          "factory ["
              + step.factoryId()
              + "] quarantines to connector ["
              + b.quarantine()
              + "] but the pipeline has no connectors configured");
    }
    return connectors.get(b.quarantine());
  }

  private static boolean isRows(Dataset<?> data) {
    return Row.class.isAssignableFrom(data.encoder().clsTag().runtimeClass());
  }

  private <T> T bound(Class<T> type) {
    Binding<T> b = injector.getExistingBinding(Key.get(type));
    return b == null ? null : b.getProvider().get();
  }

  /** Reference rules name connectors; each is read only when a rule asks for it. */
  private Map<String, Dataset<Row>> references() {
    Connectors connectors = bound(Connectors.class);
    if (connectors == null) {
      return Map.of();
    }
    return new AbstractMap<>() {
      @Override
      public Dataset<Row> get(Object name) {
        return connectors.names().contains(name) ? connectors.get((String) name).read() : null;
      }

      @Override
      public Set<String> keySet() {
        return connectors.names();
      }

      @Override
      public Set<Map.Entry<String, Dataset<Row>>> entrySet() {
        throw new UnsupportedOperationException("references are read one by one");
      }
    };
  }

  static Class<?> load(String className) {
    try {
      return Class.forName(className, false, BoundaryValidation.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      try {
        return context == null ? null : Class.forName(className, false, context);
      } catch (ClassNotFoundException again) {
        return null;
      }
    }
  }
}
