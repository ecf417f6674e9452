package dev.forgeline.mock.kit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import scala.Console$;
import scala.runtime.AbstractFunction0;
import scala.runtime.BoxedUnit;

/**
 * Captures what an action prints. Spark prints {@code show()} through Scala's {@code Console}, a
 * backend written in Java prints through {@code System.out}; both are redirected. System.out is
 * global, so captures are serialised.
 */
final class ConsoleCapture {

  private static final Object LOCK = new Object();

  private ConsoleCapture() {}

  static String capture(Runnable action) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    synchronized (LOCK) {
      PrintStream original = System.out;
      try (PrintStream sink = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
        System.setOut(sink);
        Console$.MODULE$.withOut(
            sink,
            new AbstractFunction0<BoxedUnit>() {
              @Override
              public BoxedUnit apply() {
                action.run();
                return BoxedUnit.UNIT;
              }
            });
      } finally {
        System.setOut(original);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
