package dev.forgeline.validation.pipeline;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import dev.forgeline.validation.Rule;
import dev.forgeline.validation.RuleConfig;
import dev.forgeline.validation.RuleSet;
import dev.forgeline.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The validation declared for one factory: from {@code forgeline.validation.steps."<id>"} in the
 * configuration when present, else from its {@link Validate} annotation.
 */
record Boundary(Validator validator, String quarantine, String source) {
  static final String STEPS = "forgeline.validation.steps";

  /** Whether {@code factoryClass} or the configuration declares validation for the factory. */
  static boolean declared(String factoryId, Class<?> factoryClass, Config config) {
    return (config != null && config.hasPath(stepPath(factoryId)))
        || (factoryClass != null && factoryClass.isAnnotationPresent(Validate.class));
  }

  static String stepPath(String factoryId) {
    return STEPS + "." + ConfigUtil.quoteString(factoryId);
  }

  /**
   * The factory's boundary, empty when it declares none.
   *
   * @throws dev.forgeline.validation.InvalidRulesException listing every bad rule
   */
  static Optional<Boundary> of(
      String factoryId,
      Class<?> factoryClass,
      Config config,
      Map<String, Dataset<Row>> references) {
    String path = stepPath(factoryId);
    if (config != null && config.hasPath(path)) {
      Config section = config.getConfig(path);
      String quarantine = section.hasPath("quarantine") ? section.getString("quarantine") : "";
      Config rules = config.withoutPath(path + ".quarantine");
      return Optional.of(
          new Boundary(
              RuleConfig.validator(rules, path, references),
              quarantine,
              "configuration [" + path + "]"));
    }
    Validate v = factoryClass == null ? null : factoryClass.getAnnotation(Validate.class);
    if (v == null) {
      return Optional.empty();
    }
    List<Rule> rules = new ArrayList<>();
    if (!v.config().isEmpty()) {
      if (config == null || !config.hasPath(v.config())) {
        throw new dev.forgeline.validation.InvalidRulesException(
            new dev.forgeline.core.error.Problem(
                dev.forgeline.validation.ValidationError.INVALID_RULE_CONFIG,
                "@Validate names configuration [" + v.config() + "] that is not set",
                "@Validate(config = \"" + v.config() + "\")",
                List.of(),
                "Declare the validator section in the configuration, or fix the path."));
      }
      rules.addAll(RuleConfig.rules(config, v.config() + ".rules", references));
    }
    for (Class<? extends RuleSet> set : v.rules()) {
      rules.addAll(instantiate(set).rules());
    }
    Validator validator = Validator.builder().rules(rules).lazy(v.lazy()).build();
    return Optional.of(
        new Boundary(validator, v.quarantine(), "@Validate on " + factoryClass.getName()));
  }

  private static RuleSet instantiate(Class<? extends RuleSet> set) {
    try {
      return set.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "rule set [" + set.getName() + "] needs a public no-argument constructor", e);
    }
  }
}
