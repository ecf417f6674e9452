package dev.forgeline.mock.engine;

import java.util.List;

/** Centered second moments of paired samples, shared by covar/corr aggregates and df.stat(). */
public record Comoments(int n, double cxy, double cxx, double cyy) {
  /** Computes the moments of (x, y) pairs. */
  public static Comoments of(List<double[]> pairs) {
    int n = pairs.size();
    double mx = 0;
    double my = 0;
    for (double[] p : pairs) {
      mx += p[0] / n;
      my += p[1] / n;
    }
    double cxy = 0;
    double cxx = 0;
    double cyy = 0;
    for (double[] p : pairs) {
      cxy += (p[0] - mx) * (p[1] - my);
      cxx += (p[0] - mx) * (p[0] - mx);
      cyy += (p[1] - my) * (p[1] - my);
    }
    return new Comoments(n, cxy, cxx, cyy);
  }

  /** Sample (n - 1) or population (n) covariance. */
  public double covariance(boolean sample) {
    return cxy / (sample ? n - 1 : n);
  }

  /** Pearson correlation; NaN when a variable is constant. */
  public double correlation() {
    return cxy / Math.sqrt(cxx * cyy);
  }
}
