package dev.forgeline.mock;

/** Wraps checked exceptions thrown by user functions (MapFunction, FilterFunction ...). */
final class UserCode {
  private UserCode() {}

  static RuntimeException failure(Exception e) {
    if (e instanceof RuntimeException re) {
      return re;
    }
    return new IllegalStateException("user function failed: " + e, e);
  }
}
