/**
 * Configuration: loading {@code reference.conf}, {@code application.conf} and an environment
 * overlay with overrides ({@link dev.forgeline.core.config.ConfigLoader}, the entry point),
 * checking it with every problem collected ({@link dev.forgeline.core.config.ConfigCheck}), binding
 * it into Guice ({@link dev.forgeline.core.config.ConfigModule}) and keeping secrets out of
 * anything shown ({@link dev.forgeline.core.config.Secrets}).
 */
package dev.forgeline.core.config;
