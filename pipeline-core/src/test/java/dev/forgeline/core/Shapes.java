package dev.forgeline.core;

import java.time.Duration;

/** Sleeping factories wired by id, for building graphs of any shape in tests. */
final class Shapes {
  private Shapes() {}

  /** What sleeping factories pass along. */
  record Token(String from) {}

  /** Sleeps, then produces a token. */
  static class Source implements Factory<Token> {
    final Duration sleep;
    String id;

    Source(String id, Duration sleep) {
      this.id = id;
      this.sleep = sleep;
    }

    @Override
    public void process() throws InterruptedException {
      Thread.sleep(sleep.toMillis());
    }

    @Override
    public Token get() {
      return new Token(id);
    }
  }

  /** Needs one token. */
  static final class After1 extends Source {
    @Delivery Token in;

    After1(String id, Duration sleep) {
      super(id, sleep);
    }
  }

  /** Needs two tokens. */
  static final class After2 extends Source {
    @Delivery Token left;
    @Delivery Token right;

    After2(String id, Duration sleep) {
      super(id, sleep);
    }
  }

  static FactorySpec source(String id, long millis) {
    return FactorySpec.of(new Source(id, Duration.ofMillis(millis))).withId(id);
  }

  static FactorySpec after(String id, long millis, String in) {
    return FactorySpec.of(new After1(id, Duration.ofMillis(millis)))
        .withId(id)
        .withDelivery("in", in);
  }

  static FactorySpec after(String id, long millis, String left, String right) {
    return FactorySpec.of(new After2(id, Duration.ofMillis(millis)))
        .withId(id)
        .withDelivery("left", left)
        .withDelivery("right", right);
  }
}
