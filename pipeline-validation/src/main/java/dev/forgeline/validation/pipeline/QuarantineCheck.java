package dev.forgeline.validation.pipeline;

import com.typesafe.config.Config;
import dev.forgeline.core.connector.ConnectorSpec;
import dev.forgeline.core.error.Problem;
import dev.forgeline.validation.ValidationError;
import dev.forgeline.validation.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a boundary's quarantine connector when the pipeline is built: it must be declared, and its
 * save mode must let every run write (the quarantine is written on every successful run, so {@code
 * errorifexists} fails the second run and {@code ignore} keeps the first run's rows).
 */
final class QuarantineCheck {
  private QuarantineCheck() {}

  static void check(String quarantine, Config config, String place, List<Problem> problems) {
    // Malformed connector blocks are the configuration check's to report; only names matter here.
    Map<String, ConnectorSpec> specs =
        config == null ? Map.of() : ConnectorSpec.readAll(config, new ArrayList<>());
    ConnectorSpec spec = specs.get(quarantine);
    String at = place + ", quarantine [" + quarantine + "]";
    if (spec == null) {
      List<String> near = Names.near(quarantine, specs.keySet());
      problems.add(
          new Problem(
              ValidationError.INVALID_QUARANTINE,
              "the quarantine connector [" + quarantine + "] is not declared",
              at,
              List.of("declared connectors: " + specs.keySet().stream().sorted().toList()),
              near.isEmpty()
                  ? "Declare it under "
                      + ConnectorSpec.CONFIG_PATH
                      + "."
                      + quarantine
                      + ", or fix the name."
                  : "Did you mean " + near + "?"));
      return;
    }
    String mode = spec.saveMode();
    if (!mode.equals("append") && !mode.equals("overwrite")) {
      problems.add(
          new Problem(
              ValidationError.INVALID_QUARANTINE,
              "the quarantine connector ["
                  + quarantine
                  + "] has save-mode "
                  + mode
                  + ": the quarantine is written on every run, so "
                  + (mode.equals("ignore")
                      ? "it would keep the first run's rows"
                      : "the second run would fail"),
              at,
              List.of("save-mode: " + mode),
              "Set save-mode = overwrite (this run's rows) or append (every run's rows) on "
                  + ConnectorSpec.CONFIG_PATH
                  + "."
                  + quarantine
                  + "."));
    }
  }
}
