package dev.forgeline.core.internal.exec;

import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.spi.PipelineListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls every listener in order, isolating each: an exception is logged with the listener's class
 * name and remembered for the report's metadata, and never reaches the scheduler.
 */
public final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  /** The report metadata key prefix under which a listener's first failure is recorded. */
  public static final String FAILURE_KEY_PREFIX = "listener.failed.";

  private final List<PipelineListener> listeners;
  private final UnaryOperator<String> redact;
  private final Map<String, String> failures = new LinkedHashMap<>();

  /** Listeners in registration order. */
  public Listeners(List<PipelineListener> listeners) {
    this(listeners, UnaryOperator.identity());
  }

  /**
   * Listeners in registration order, after the step log when INFO is on for it; failure messages in
   * the log and report masked by redact.
   */
  public Listeners(List<PipelineListener> listeners, UnaryOperator<String> redact) {
    List<PipelineListener> all = new ArrayList<>(listeners.size() + 1);
    if (StepLog.LOG.isInfoEnabled()) {
      all.add(new StepLog());
    }
    all.addAll(listeners);
    this.listeners = List.copyOf(all);
    this.redact = redact;
  }

  boolean isEmpty() {
    return listeners.isEmpty();
  }

  void each(String callback, Consumer<PipelineListener> call) {
    for (PipelineListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException | LinkageError | AssertionError e) {
        String name = l.getClass().getName();
        String what = redact.apply(e.getClass().getName() + ": " + e.getMessage());
        LOG.error("Listener [{}] threw in {}; the run goes on: {}", name, callback, what);
        failures.putIfAbsent(FAILURE_KEY_PREFIX + name, callback + ": " + what);
      }
    }
  }

  /** Calls onRunEnd on each and returns the report with every listener failure in its metadata. */
  PipelineReport runEnded(PipelineReport report) {
    each("onRunEnd", l -> l.onRunEnd(report));
    PipelineReport out = report;
    for (Map.Entry<String, String> f : failures.entrySet()) {
      out = out.withMetadata(f.getKey(), f.getValue());
    }
    return out;
  }
}
