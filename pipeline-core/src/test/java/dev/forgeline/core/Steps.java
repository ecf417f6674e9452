package dev.forgeline.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Tiny factories for condition and composition tests: values are strings that show their path. */
final class Steps {
  private Steps() {}

  /** Every step that ran, in order, across a test. */
  static final List<String> RAN = new CopyOnWriteArrayList<>();

  /** What steps pass along. */
  record Tok(String value) {}

  /** Produces {@code Tok(value)}. */
  static class Emit implements Factory<Tok> {
    final String value;

    Emit(String value) {
      this.value = value;
    }

    @Override
    public void process() {
      RAN.add(value);
    }

    @Override
    public Tok get() {
      return new Tok(value);
    }
  }

  /** Throws in process(). */
  static final class Boom extends Emit {
    Boom(String value) {
      super(value);
    }

    @Override
    public void process() {
      throw new IllegalStateException(value + " broke");
    }
  }

  /** Needs one Tok; produces {@code "name(in)"}. */
  static final class Wrap extends Emit {
    @Delivery Tok in;

    Wrap(String value) {
      super(value);
    }

    @Override
    public Tok get() {
      return new Tok(value + "(" + in.value() + ")");
    }
  }

  /** May take a Tok; produces {@code "name(in)"} or {@code "name(-)"}. */
  static final class MaybeWrap extends Emit {
    @Delivery(optional = true)
    Tok in;

    MaybeWrap(String value) {
      super(value);
    }

    @Override
    public Tok get() {
      return new Tok(value + "(" + (in == null ? "-" : in.value()) + ")");
    }
  }

  static FactorySpec emit(String id) {
    return FactorySpec.of(new Emit(id)).withId(id);
  }

  static FactorySpec wrap(String id, String from) {
    return FactorySpec.of(new Wrap(id)).withId(id).withDelivery("in", from);
  }

  static FactorySpec maybeWrap(String id, String from) {
    return FactorySpec.of(new MaybeWrap(id)).withId(id).withDelivery("in", from);
  }
}
