package dev.forgeline.core.cli;

import dev.forgeline.core.Pipeline;
import java.util.Map;

/** A one-factory pipeline for the command-line tests. */
public final class PeopleDefinition implements PipelineDefinition {
  /** The settings the definition binds. */
  public record Limits(long maxRows, String label) {}

  @Override
  public String name() {
    return "people";
  }

  @Override
  public Map<String, Class<? extends Record>> settings() {
    return Map.of("app.limits", Limits.class);
  }

  @Override
  public void define(Pipeline.Builder pipeline) {
    pipeline.stage("count", s -> s.add(CountPeople.class));
  }
}
