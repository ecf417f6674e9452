package dev.forgeline.core.cli;

/**
 * The main class for {@code spark-submit --class dev.forgeline.core.cli.ForgelineMain app.jar
 * --pipeline com.acme.SalesPipeline --env prod [-Dkey=value ...] [--dry-run]}. It runs {@link
 * ForgelineCli#standard()} and exits with its code.
 *
 * @since 0.1.0
 */
public final class ForgelineMain {
  private ForgelineMain() {}

  /** Runs the command line and exits with its code (see {@link ForgelineCli}). */
  public static void main(String[] args) {
    System.exit(ForgelineCli.standard().run(args));
  }
}
