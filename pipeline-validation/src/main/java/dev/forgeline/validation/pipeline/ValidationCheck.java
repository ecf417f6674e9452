package dev.forgeline.validation.pipeline;

import com.google.inject.Binding;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.util.Types;
import com.typesafe.config.Config;
import dev.forgeline.core.error.Problem;
import dev.forgeline.core.spi.CheckContext;
import dev.forgeline.core.spi.PipelineCheck;
import dev.forgeline.core.spi.StepInfo;
import dev.forgeline.core.spi.StepInterceptor;
import dev.forgeline.validation.InvalidRulesException;
import dev.forgeline.validation.Rule;
import dev.forgeline.validation.ValidationError;
import dev.forgeline.validation.internal.Names;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The build-time check of boundary validation, run by {@code build()} (listed for {@link
 * java.util.ServiceLoader}): rules that cannot be built (a bad regex, a threshold outside [0, 1],
 * duplicate names, a malformed HOCON rule), rules on columns a typed output cannot have, validation
 * on an output that is not a Dataset, validation declared without {@link ValidationModule}, and
 * configured steps that name no factory.
 *
 * @since 0.1.0
 */
public final class ValidationCheck implements PipelineCheck {

  /** Called by {@link java.util.ServiceLoader}. */
  public ValidationCheck() {}

  @Override
  public List<Problem> check(CheckContext ctx) {
    List<Problem> problems = new ArrayList<>();
    Config config = ctx.config();
    boolean installed = installed(ctx.injector());
    List<String> ids = ctx.factories().stream().map(StepInfo::factoryId).toList();
    for (StepInfo f : ctx.factories()) {
      Class<?> cls = ctx.factoryClass(f.factoryId()).orElse(null);
      if (!Boundary.declared(f.factoryId(), cls, config)) {
        continue;
      }
      String place =
          "factory [" + f.factoryId() + "] (" + f.factoryClass() + "), stage [" + f.stage() + "]";
      if (!installed) {
        problems.add(
            new Problem(
                ValidationError.VALIDATION_NOT_INSTALLED,
                "factory [" + f.factoryId() + "] declares validation that would never run",
                place,
                List.of(),
                "Add the module: Pipeline.builder(...).modules(new ValidationModule())."));
      }
      OutputColumns output = OutputColumns.of(cls);
      if (!output.dataset()) {
        problems.add(
            new Problem(
                ValidationError.OUTPUT_NOT_VALIDATABLE,
                "factory ["
                    + f.factoryId()
                    + "] declares validation but its output is not a Dataset",
                place,
                List.of("output: " + output.typeName()),
                "Validate a factory that produces a Dataset, or remove the declaration."));
        continue;
      }
      try {
        CheckReferences refs = new CheckReferences(config);
        Optional<Boundary> b = Boundary.of(f.factoryId(), cls, config, refs);
        b.filter(boundary -> !boundary.quarantine().isEmpty())
            .ifPresent(
                boundary -> QuarantineCheck.check(boundary.quarantine(), config, place, problems));
        b.ifPresent(
            boundary ->
                output
                    .known()
                    .ifPresent(
                        known ->
                            columns(
                                boundary.validator().rules(),
                                known,
                                output.typeName(),
                                place,
                                problems)));
      } catch (InvalidRulesException e) {
        Set<String> connectors = new CheckReferences(config).keySet();
        for (Problem p : e.problems()) {
          if (p.place().endsWith(".reference]")
              && connectors.stream()
                  .anyMatch(n -> p.message().equals("unknown value [" + n + "]"))) {
            continue; // a configured connector: it is read, and its columns checked, at run time
          }
          problems.add(
              new Problem(p.id(), p.message(), place + ", " + p.place(), p.found(), p.hint()));
        }
      }
    }
    if (config != null && config.hasPath(Boundary.STEPS)) {
      for (String id : config.getObject(Boundary.STEPS).keySet()) {
        if (!ids.contains(id)) {
          problems.add(
              new Problem(
                  ValidationError.INVALID_RULE_CONFIG,
                  "validation is configured for factory ["
                      + id
                      + "] that the pipeline does not have",
                  "key [" + Boundary.stepPath(id) + "]",
                  List.of("factories: " + ids),
                  Names.near(id, ids).isEmpty()
                      ? "Remove the section or fix the id."
                      : "Did you mean " + Names.near(id, ids) + "?"));
        }
      }
    }
    return problems;
  }

  private static void columns(
      List<Rule> rules, Collection<String> known, String type, String place, List<Problem> out) {
    for (Rule r : rules) {
      for (String c : r.columns()) {
        if (Names.resolve(c, known, false).isEmpty()) {
          out.add(
              new Problem(
                  ValidationError.UNKNOWN_RULE_COLUMN,
                  "rule ["
                      + r.name()
                      + "] names column ["
                      + c
                      + "] that the output "
                      + type
                      + " cannot have",
                  place + ", rule [" + r.name() + "]",
                  List.of("columns: " + known),
                  Names.didYouMean(c, known)));
        }
      }
    }
  }

  private static boolean installed(Injector injector) {
    if (injector == null) {
      return false;
    }
    Binding<?> b = injector.getExistingBinding(Key.get(Types.setOf(StepInterceptor.class)));
    return b != null
        && ((Set<?>) b.getProvider().get()).stream().anyMatch(i -> i instanceof BoundaryValidation);
  }

  /** At build time no data is read: reference rules see the configured connectors' names only. */
  private static final class CheckReferences
      extends java.util.AbstractMap<
          String, org.apache.spark.sql.Dataset<org.apache.spark.sql.Row>> {
    private final Set<String> names;

    CheckReferences(Config config) {
      this.names =
          config != null && config.hasPath("forgeline.connectors")
              ? config.getObject("forgeline.connectors").keySet()
              : Set.of();
    }

    @Override
    public org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> get(Object name) {
      return null;
    }

    @Override
    public Set<String> keySet() {
      return names;
    }

    @Override
    public Set<Map.Entry<String, org.apache.spark.sql.Dataset<org.apache.spark.sql.Row>>>
        entrySet() {
      return Set.of();
    }
  }
}
