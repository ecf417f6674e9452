package dev.forgeline.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeline.core.Factory;
import dev.forgeline.core.FailurePolicy;
import dev.forgeline.core.LocalSpark;
import dev.forgeline.core.Pipeline;
import org.junit.jupiter.api.Test;

/** Issue 9, defect 6: build() honours the Config that ConfigModule binds. */
class ConfigTruthRegressionTest {

  /** A trivial factory. */
  public static final class One implements Factory<String> {
    @Override
    public String get() {
      return "one";
    }
  }

  @Test
  void theExecutionSettingsComeFromTheConfigModulesConfig() {
    LoadedConfig loaded =
        ConfigLoader.builder()
            .override("forgeline.execution.parallelism", "7")
            .override("forgeline.execution.failure-policy", "continue")
            .load();

    Pipeline pipeline =
        Pipeline.builder("truth")
            .modules(ConfigModule.of(loaded))
            .spark(LocalSpark.session())
            .stage("s", s -> s.add(One.class))
            .build();

    assertThat(pipeline.settings().parallelism()).isEqualTo(7);
    assertThat(pipeline.settings().failurePolicy()).isEqualTo(FailurePolicy.CONTINUE);
  }
}
