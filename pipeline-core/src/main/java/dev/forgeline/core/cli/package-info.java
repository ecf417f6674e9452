/**
 * The command-line entry point for {@code spark-submit --class
 * dev.forgeline.core.cli.ForgelineMain}: it loads and checks the configuration, builds the pipeline
 * a {@link dev.forgeline.core.cli.PipelineDefinition} describes, runs it (or only plans it with
 * {@code --dry-run}) and writes the run report. {@link dev.forgeline.core.cli.ForgelineCli#run} is
 * the testable entry point; {@link dev.forgeline.core.cli.ForgelineMain} only adds the exit code.
 */
package dev.forgeline.core.cli;
