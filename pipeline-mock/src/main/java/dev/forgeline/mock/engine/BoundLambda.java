package dev.forgeline.mock.engine;

import java.util.List;

/** A bound lambda: its variables (each with a slot) and its body. */
public record BoundLambda(List<LambdaVar> vars, Expr body) {
  /** Evaluates the body with the variables set to {@code args}, on a copy of the row. */
  public Object apply(Object[] row, Object... args) {
    Object[] copy = row.clone();
    for (int i = 0; i < vars.size(); i++) {
      copy[vars.get(i).slot()] = args[i];
    }
    return body.eval(copy);
  }

  /** The SQL text Spark prints: {@code lambdafunction(body, x, y)}. */
  public String sql() {
    StringBuilder sb = new StringBuilder("lambdafunction(").append(body.sql());
    for (LambdaVar v : vars) {
      sb.append(", ").append(v.sql());
    }
    return sb.append(')').toString();
  }
}
