package dev.forgeline.core.cli;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import dev.forgeline.core.Factory;
import dev.forgeline.core.FactorySpec;
import dev.forgeline.core.Pipeline;
import dev.forgeline.core.RetryPolicy;
import dev.forgeline.core.report.PipelineReport;
import dev.forgeline.core.spi.PipelineListener;
import java.time.Duration;

/**
 * The secrets canary's pipeline: a factory whose exception message holds the secret (retried once,
 * so the retry warning carries it too) and a listener that throws with it.
 */
public final class CanaryDefinition implements PipelineDefinition {
  private final String endpoint;

  /** The endpoint is a listed secret key of the canary's configuration. */
  @Inject
  public CanaryDefinition(@Named("app.api-endpoint") String endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public String name() {
    return "canary";
  }

  @Override
  public void define(Pipeline.Builder pipeline) {
    pipeline
        .stage(
            "call",
            s ->
                s.add(
                    FactorySpec.of(CallApi.class)
                        .withRetry(
                            RetryPolicy.exponential(
                                2, Duration.ofMillis(1), Duration.ofMillis(1)))))
        .listener(
            new PipelineListener() {
              @Override
              public void onRunEnd(PipelineReport report) {
                throw new IllegalStateException("listener could not post to " + endpoint);
              }
            });
  }

  /** Fails with the endpoint, and an unpaired surrogate, in its message. */
  public static final class CallApi implements Factory<String> {
    @Inject
    @Named("app.api-endpoint")
    String endpoint;

    @Override
    public void read() {
      throw new IllegalStateException("cannot reach " + endpoint + " \uD800 (connection refused)");
    }

    @Override
    public String get() {
      return endpoint;
    }
  }
}
