package dev.forgeline.mock.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * The entry point of the contract kit: the cases, the known gaps of the mock, and the runner that
 * compares a reference session (local Spark) with a candidate (the mock).
 *
 * <pre>{@code
 * for (KitCase c : ContractKit.cases()) {
 *   CaseResult r = ContractKit.compare(c, spark, MockSparkSession.builder().build());
 *   if (!r.passesBoth()) System.err.print(r.report());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ContractKit {

  private static final List<KitCase> CASES = build();

  private ContractKit() {}

  /** Every case, in a stable order; never null. */
  public static List<KitCase> cases() {
    return CASES;
  }

  /**
   * The cases the mock does not pass yet, case id to reason; never null. Each id names a case of
   * {@link #cases()}; the kit's own test asserts these still fail on the mock, so a fix shrinks the
   * list.
   */
  public static Map<String, String> knownGaps() {
    return KnownGaps.ALL;
  }

  /**
   * Runs one case on one session and returns what it produced; errors become a {@link
   * Outcome.Failure}.
   *
   * @param kitCase the case, never null
   * @param session the session, never null
   * @return the outcome, never null
   */
  public static Outcome run(KitCase kitCase, SparkSession session) {
    return CaseRunner.run(
        Objects.requireNonNull(kitCase, "kitCase"), Objects.requireNonNull(session, "session"));
  }

  /**
   * Runs one case on Spark and on the mock, checks Spark against what the case declares, and
   * compares the two outcomes.
   *
   * @param kitCase the case, never null
   * @param spark the reference session (a classic local session), never null; a case that needs
   *     Spark's own SQL parser runs on a session of its SparkContext without extensions when it has
   *     some (see {@link KitCase#needsSparkParser()})
   * @param mock the candidate session, never null
   * @return the result with its report, never null
   */
  public static CaseResult compare(KitCase kitCase, SparkSession spark, SparkSession mock) {
    Outcome reference = run(kitCase, ReferenceSessions.forCase(kitCase, spark));
    Outcome candidate = run(kitCase, mock);
    return new CaseResult(
        kitCase,
        reference,
        candidate,
        intentProblems(kitCase, reference),
        differences(kitCase, reference, candidate));
  }

  /**
   * How a candidate's outcome differs from Spark's for one case, honouring its tolerance.
   *
   * @param kitCase the case, never null
   * @param spark the reference outcome, never null
   * @param mock the candidate outcome, never null
   * @return readable difference lines; empty when they match
   */
  public static List<String> differences(KitCase kitCase, Outcome spark, Outcome mock) {
    return OutcomeDiff.between(spark, mock, kitCase.tolerance());
  }

  /**
   * How an outcome departs from what the case declares: the expected error condition, or success.
   *
   * @param kitCase the case, never null
   * @param outcome the outcome on Spark, never null
   * @return the problems; empty when the outcome is as declared
   */
  public static List<String> intentProblems(KitCase kitCase, Outcome outcome) {
    List<String> problems = new ArrayList<>();
    if (kitCase.expectsFailure()) {
      if (!(outcome instanceof Outcome.Failure f)) {
        problems.add(
            "expected error [" + kitCase.expectedCondition() + "] but got " + outcome.summary());
      } else if (!kitCase.expectedCondition().equals(f.condition())) {
        problems.add(
            "expected error ["
                + kitCase.expectedCondition()
                + "] but got "
                + OutcomeDiff.describe(f));
      }
    } else if (outcome instanceof Outcome.Failure f) {
      problems.add("expected success but got " + OutcomeDiff.describe(f));
    }
    return problems;
  }

  private static List<KitCase> build() {
    CaseBook book = new CaseBook();
    ProjectionCases.addTo(book);
    FilterCases.addTo(book);
    CastCases.addTo(book);
    ArithmeticCases.addTo(book);
    JoinCases.addTo(book);
    AggregateCases.addTo(book);
    RowSetCases.addTo(book);
    StringCases.addTo(book);
    MathCases.addTo(book);
    DateTimeCases.addTo(book);
    WindowCases.addTo(book);
    CollectionCases.addTo(book);
    HashCases.addTo(book);
    FrameToolCases.addTo(book);
    EncoderCases.addTo(book);
    EdgeCases.addTo(book);
    SqlQueryCases.addTo(book);
    SubqueryCases.addTo(book);
    SqlPivotCases.addTo(book);
    WriterV2Cases.addTo(book);
    SqlCatalogCases.addTo(book);
    BlindSpotCases.addTo(book);
    CsvCases.addTo(book);
    ReaderSchemaCases.addTo(book);
    FileWriteCases.addTo(book);
    JsonTextCases.addTo(book);
    DeltaCases.addTo(book);
    DeltaSqlCases.addTo(book);
    CatalogListCases.addTo(book);
    return book.build();
  }
}
