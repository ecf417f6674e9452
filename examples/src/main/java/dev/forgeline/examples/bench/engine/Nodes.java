package dev.forgeline.examples.bench.engine;

import dev.forgeline.core.Delivery;
import dev.forgeline.core.Factory;
import dev.forgeline.core.FactorySpec;

/** Factories of the engine benchmark: they sleep (or not) and pass a token, wired by id. */
final class Nodes {
  private Nodes() {}

  /** What benchmark factories hand on. */
  record Token(String from) {}

  /** Sleeps for its configured time, then produces a token. */
  static class Work implements Factory<Token> {
    private final String id;
    private final long sleepMs;

    Work(String id, long sleepMs) {
      this.id = id;
      this.sleepMs = sleepMs;
    }

    @Override
    public void process() throws InterruptedException {
      if (sleepMs > 0) {
        Thread.sleep(sleepMs);
      }
    }

    @Override
    public Token get() {
      return new Token(id);
    }
  }

  /** Work that needs one upstream token. */
  static final class Work1 extends Work {
    @Delivery Token in;

    Work1(String id, long sleepMs) {
      super(id, sleepMs);
    }
  }

  /** Work that needs two upstream tokens. */
  static final class Work2 extends Work {
    @Delivery Token left;
    @Delivery Token right;

    Work2(String id, long sleepMs) {
      super(id, sleepMs);
    }
  }

  static FactorySpec work(String id, long ms) {
    return FactorySpec.of(new Work(id, ms)).withId(id);
  }

  static FactorySpec work(String id, long ms, String in) {
    return FactorySpec.of(new Work1(id, ms)).withId(id).withDelivery("in", in);
  }

  static FactorySpec work(String id, long ms, String left, String right) {
    return FactorySpec.of(new Work2(id, ms))
        .withId(id)
        .withDelivery("left", left)
        .withDelivery("right", right);
  }
}
