package dev.forgeline.mock;

import dev.forgeline.mock.engine.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * sample() and randomSplit(). Spark's exact rows cannot be reproduced (they depend on its
 * partitioning and per-partition random streams); the mock keeps Spark's contracts instead: the
 * same seed gives the same rows, Bernoulli sampling keeps each row with the given probability, and
 * the splits of randomSplit are disjoint and cover every row.
 */
final class Sampling {
  private Sampling() {}

  static Relation sample(Relation in, boolean withReplacement, double fraction, long seed) {
    if (fraction < 0 || !withReplacement && fraction > 1) {
      throw new IllegalArgumentException(
          "requirement failed: Sampling fraction ("
              + fraction
              + ") must be on interval [0, 1] without replacement");
    }
    return Relation.derived(
        in.fields(),
        List.of(in),
        () -> {
          Random rnd = new Random(seed);
          List<Object[]> out = new ArrayList<>();
          for (Object[] row : in.rows()) {
            if (withReplacement) {
              int k = poisson(rnd, fraction);
              for (int i = 0; i < k; i++) {
                out.add(row);
              }
            } else if (rnd.nextDouble() < fraction) {
              out.add(row);
            }
          }
          return out;
        });
  }

  private static int poisson(Random rnd, double mean) {
    double l = Math.exp(-mean);
    int k = 0;
    double p = 1.0;
    do {
      k++;
      p *= rnd.nextDouble();
    } while (p > l);
    return k - 1;
  }

  static List<Relation> split(Relation in, double[] weights, long seed) {
    double total = 0;
    for (double w : weights) {
      if (w < 0) {
        throw new IllegalArgumentException(
            "requirement failed: Weights must be nonnegative, but got "
                + java.util.Arrays.toString(weights));
      }
      total += w;
    }
    double sum = total;
    List<Relation> out = new ArrayList<>();
    double lower = 0;
    for (double w : weights) {
      double lo = lower / sum;
      double hi = (lower + w) / sum;
      lower += w;
      out.add(
          Relation.derived(
              in.fields(),
              List.of(in),
              () -> {
                Random rnd = new Random(seed);
                List<Object[]> rows = new ArrayList<>();
                for (Object[] row : in.rows()) {
                  double x = rnd.nextDouble();
                  if (x >= lo && x < hi) {
                    rows.add(row);
                  }
                }
                return rows;
              }));
    }
    return out;
  }
}
