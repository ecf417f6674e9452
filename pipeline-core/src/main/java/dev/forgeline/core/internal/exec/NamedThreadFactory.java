package dev.forgeline.core.internal.exec;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named {@code forgeline-<pipeline>-<n>}, so thread dumps say whose they are. */
final class NamedThreadFactory implements ThreadFactory {
  /** The prefix of every engine thread. */
  static final String PREFIX = "forgeline-";

  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  NamedThreadFactory(String pipeline) {
    this.prefix = PREFIX + pipeline + "-";
  }

  @Override
  public Thread newThread(Runnable r) {
    Thread t = new Thread(r, prefix + count.incrementAndGet());
    t.setDaemon(true);
    return t;
  }
}
