package dev.forgeline.mock.kit;

/**
 * Cases for {@code FROM t PIVOT (aggregates FOR column IN (values))} in {@code spark.sql}: the
 * implicit grouping by the columns the pivot does not use, Spark's output column names (values,
 * value aliases, {@code value_aggregate} with several aggregates) and NULL for absent values.
 */
final class SqlPivotCases {

  private SqlPivotCases() {}

  private static final String YEARS = "(SELECT region, year, amount FROM sales)";

  private static final String[][] ROWS = {
    {"sum-by-year", "SELECT * FROM sales PIVOT (sum(amount) FOR year IN (2023, 2024))"},
    {
      "aliased-values",
      "SELECT * FROM " + YEARS + " PIVOT (sum(amount) FOR year IN (2023 AS y23, 2024 AS y24))"
    },
    {
      "aliased-values-without-as",
      "SELECT * FROM " + YEARS + " PIVOT (sum(amount) FOR year IN (2023 y23, 2024))"
    },
    {
      "two-aliased-aggregates",
      "SELECT * FROM "
          + YEARS
          + " PIVOT (sum(amount) AS total, count(*) AS n FOR year IN (2023, 2024))"
    },
    {
      "two-unaliased-aggregates",
      "SELECT * FROM " + YEARS + " PIVOT (sum(amount), max(amount) FOR year IN (2023, 2024))"
    },
    {
      "two-aggregates-aliased-values",
      "SELECT * FROM "
          + YEARS
          + " PIVOT (sum(amount) AS s, min(amount) AS m FOR year IN (2023 AS a, 2024 AS b))"
    },
    {
      "string-values",
      "SELECT * FROM (SELECT region, product, amount FROM sales) PIVOT (sum(amount) FOR product IN ('apples', 'pears'))"
    },
    {"absent-value", "SELECT * FROM " + YEARS + " PIVOT (sum(amount) FOR year IN (2023, 2025))"},
    {
      "avg-by-region",
      "SELECT * FROM " + YEARS + " PIVOT (avg(amount) FOR region IN ('north', 'south'))"
    },
    {"count-star", "SELECT * FROM " + YEARS + " PIVOT (count(*) FOR year IN (2023, 2024))"},
    {
      "aggregate-expression",
      "SELECT * FROM " + YEARS + " PIVOT (sum(amount) * 2 AS dbl FOR year IN (2023, 2024))"
    },
    {
      "project-pivoted-columns",
      "SELECT region, y23 + y24 AS both FROM "
          + YEARS
          + " PIVOT (sum(amount) FOR year IN (2023 AS y23, 2024 AS y24))"
    },
    {
      "filter-pivoted",
      "SELECT * FROM "
          + YEARS
          + " PIVOT (sum(amount) FOR year IN (2023, 2024)) WHERE region IS NOT NULL"
    },
    {
      "qualified-aggregate-column",
      "SELECT * FROM sales s PIVOT (sum(s.amount) FOR product IN ('apples'))"
    },
    {
      "people-salary-by-age",
      "SELECT * FROM (SELECT dept, age, salary FROM people) PIVOT (max(salary) FOR age IN (29, 34, 41))"
    },
    {
      "people-names-by-dept",
      "SELECT * FROM (SELECT age, dept, name FROM people) PIVOT (first(name) FOR dept IN ('eng', 'ops', 'hr'))"
    },
    {
      "cte-source",
      "WITH y AS (SELECT region, year, amount FROM sales) SELECT * FROM y PIVOT (max(amount) FOR year IN (2024))"
    },
    {
      "pivot-then-aggregate",
      "SELECT count(*) AS c, sum(y24) AS s FROM "
          + YEARS
          + " PIVOT (sum(amount) FOR year IN (2024 AS y24))"
    },
  };

  private static final String[][] ORDERED = {
    {
      "ordered",
      "SELECT * FROM "
          + YEARS
          + " PIVOT (sum(amount) FOR year IN (2023, 2024)) ORDER BY region NULLS LAST"
    },
  };

  private static final String[][] FAILS = {
    {
      "unknown-pivot-column",
      "UNRESOLVED_COLUMN.WITH_SUGGESTION",
      "SELECT * FROM " + YEARS + " PIVOT (sum(amount) FOR nope IN (1))"
    },
    {
      "unknown-aggregate-column",
      "UNRESOLVED_COLUMN.WITH_SUGGESTION",
      "SELECT * FROM " + YEARS + " PIVOT (sum(nope) FOR year IN (2023))"
    },
  };

  static void addTo(CaseBook book) {
    CaseBook b = book.area("sql-pivot");
    SqlQueryCases.queries(b, ROWS, ORDERED, FAILS);
  }
}
