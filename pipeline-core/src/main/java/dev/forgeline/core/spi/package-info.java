/**
 * Extension points: how a module (the run-log writer, validation, caching) or a user plugs into the
 * engine without the engine growing a special case. {@link dev.forgeline.core.spi.PipelineListener}
 * observes runs, {@link dev.forgeline.core.spi.PipelineCheck} adds checks to {@code build()},
 * {@link dev.forgeline.core.spi.StepInterceptor} sees (and may replace) each output, and {@link
 * dev.forgeline.core.spi.StepContext} records facts of the running step into its report. Each is
 * registered on {@code Pipeline.builder(...)} or through a Guice multibinder; every callback has a
 * no-op default.
 */
package dev.forgeline.core.spi;
