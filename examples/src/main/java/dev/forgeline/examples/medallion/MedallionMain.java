package dev.forgeline.examples.medallion;

import dev.forgeline.core.cli.ForgelineCli;
import dev.forgeline.core.config.ConfigLoader;
import dev.forgeline.core.config.LoadedConfig;
import dev.forgeline.core.connector.ConnectorType;
import dev.forgeline.core.connector.Connectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the medallion pipeline on embedded local Spark (the {@code dev} environment unless another
 * is chosen) and prints where the Delta tables and the run report went. Extra arguments are passed
 * to the command line ({@code --env}, {@code -Dkey=value}, {@code --dry-run}).
 */
public final class MedallionMain {
  private MedallionMain() {}

  public static void main(String[] args) {
    List<String> all = new ArrayList<>(List.of("--pipeline", MedallionPipeline.class.getName()));
    boolean envChosen =
        System.getProperty(ConfigLoader.ENV_PROPERTY) != null
            || System.getenv(ConfigLoader.ENV_VARIABLE) != null
            || Arrays.asList(args).contains("--env");
    if (!envChosen) {
      all.addAll(List.of("--env", "dev"));
    }
    all.addAll(Arrays.asList(args));
    int code = ForgelineCli.standard().run(all.toArray(String[]::new));
    if (code == ForgelineCli.OK && !all.contains("--dry-run")) {
      printTables(envChosen ? null : "dev");
    }
    System.exit(code);
  }

  private static void printTables(String env) {
    ConfigLoader loader =
        ConfigLoader.builder()
            .environment(System.getenv())
            .systemProperties(System.getProperties());
    if (env != null) {
      loader.env(env);
    }
    LoadedConfig loaded = loader.load();
    Connectors connectors = Connectors.fromConfig(loaded.config(), () -> null);
    System.out.println("Delta tables:");
    for (String name : connectors.names()) {
      var spec = connectors.get(name).spec();
      if (spec.type() == ConnectorType.DELTA && spec.path().isPresent()) {
        System.out.printf(
            "  %-26s %s%n", name, Path.of(spec.path().get()).toAbsolutePath().normalize());
      }
    }
  }
}
