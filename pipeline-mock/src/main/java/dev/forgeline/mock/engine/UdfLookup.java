package dev.forgeline.mock.engine;

import java.util.List;

/** The session's registered user-defined functions, as the binder sees them. */
public interface UdfLookup {
  /** No registered functions. */
  UdfLookup NONE =
      new UdfLookup() {
        @Override
        public boolean has(String name) {
          return false;
        }

        @Override
        public Expr bind(String name, List<Expr> args, SessionConf conf) {
          throw Errors.unresolvedRoutine(name);
        }
      };

  boolean has(String name);

  Expr bind(String name, List<Expr> args, SessionConf conf);
}
