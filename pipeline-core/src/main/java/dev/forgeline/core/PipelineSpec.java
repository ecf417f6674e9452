package dev.forgeline.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A pipeline's specification tree: its stages in declaration order, each holding factories or an
 * included sub-pipeline (which holds stages in turn), with their conditions. {@link
 * Pipeline.Builder} produces one (see {@link Pipeline#spec()}); make one directly with {@link
 * #builder} to include it in other pipelines or to return it from a {@link PipelineTemplate}. The
 * planner flattens the tree into one graph of namespaced ids ({@code outer/inner/factory}).
 *
 * @param name the pipeline's name
 * @param stages the stages in declaration order
 * @since 0.2.0
 */
public record PipelineSpec(String name, List<StageSpec> stages) {
  /** Checks for nulls and copies the list. */
  public PipelineSpec {
    Objects.requireNonNull(name, "name");
    stages = List.copyOf(stages);
  }

  /** Starts a specification called {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Collects stages; names are unique in one pipeline. {@link Pipeline.Builder} offers the same
   * methods.
   *
   * @since 0.2.0
   */
  public static final class Builder {
    private final String name;
    private final List<StageSpec> stages = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();

    private Builder(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException(
            "pipeline name was [" + name + "] but must not be blank");
      }
      this.name = name;
    }

    /** Adds a stage of factories; the consumer may also give it a condition. */
    public Builder stage(String stageName, Consumer<StageBuilder> factories) {
      claim(stageName);
      StageBuilder s = new StageBuilder(stageName);
      factories.accept(s);
      stages.add(s.spec());
      return this;
    }

    /** Includes a sub-pipeline as a stage; {@code namespace} prefixes the ids inside. */
    public Builder include(String namespace, SubPipeline sub) {
      return include(namespace, sub, null);
    }

    /** Includes a sub-pipeline that runs only when {@code when} holds (null for always). */
    public Builder include(String namespace, SubPipeline sub, Condition when) {
      claim(namespace);
      if (namespace.isBlank() || namespace.contains("/")) {
        throw new IllegalArgumentException(
            "namespace was [" + namespace + "] but must be non-blank and without '/'");
      }
      stages.add(
          new StageSpec(namespace, List.of(), when, null, Objects.requireNonNull(sub, "sub")));
      return this;
    }

    /** The specification; the builder may go on. */
    public PipelineSpec build() {
      return new PipelineSpec(name, stages);
    }

    private void claim(String stageName) {
      Objects.requireNonNull(stageName, "stage name");
      if (!names.add(stageName)) {
        throw new IllegalArgumentException(
            "stage ["
                + stageName
                + "] was already added to"
                + " pipeline ["
                + name
                + "]; stage names must be unique");
      }
    }
  }
}
