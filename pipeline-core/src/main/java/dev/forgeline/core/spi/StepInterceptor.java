package dev.forgeline.core.spi;

/**
 * Sees each step's output after {@code get()}, on the worker thread, before any consumer does:
 * validation checks it here, and may hand consumers a replacement (the valid rows only) or fail the
 * step by throwing. Interceptors run in registration order, each on the previous one's result; the
 * time counts toward the step's {@code GET} phase, and an exception fails the step like one from
 * {@code get()} (and is retried under the step's retry policy).
 *
 * <p>Register with {@code Pipeline.builder(...).interceptor(i)} or {@code
 * Multibinder.newSetBinder(binder(), StepInterceptor.class)}.
 *
 * @since 0.1.0
 */
public interface StepInterceptor {
  /**
   * Returns the output consumers see: {@code output} itself by default.
   *
   * @param step the step that produced it
   * @param output what {@code get()} returned; may be null
   */
  default Object afterGet(StepInfo step, Object output) throws Exception {
    return output;
  }
}
