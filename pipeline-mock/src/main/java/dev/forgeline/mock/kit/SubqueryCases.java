package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.SqlQueryCases.sql;

/**
 * Cases for correlated subqueries in {@code spark.sql}: EXISTS / NOT EXISTS, IN / NOT IN and scalar
 * subqueries that reference the enclosing query, in WHERE and in the select list, with Spark's NULL
 * semantics for NOT IN and its results for aggregates over an empty correlated group.
 */
final class SubqueryCases {

  private SubqueryCases() {}

  private static final String[][] ROWS = {
    {
      "exists-correlated",
      "SELECT id FROM people p WHERE EXISTS (SELECT 1 FROM depts d WHERE d.dept = p.dept)"
    },
    {
      "not-exists-correlated",
      "SELECT id FROM people p WHERE NOT EXISTS (SELECT 1 FROM depts d WHERE d.dept = p.dept)"
    },
    {
      "exists-correlated-extra-predicate",
      "SELECT id FROM people p WHERE EXISTS (SELECT 1 FROM depts d WHERE d.dept = p.dept AND d.floor > 1)"
    },
    {
      "exists-non-equality",
      "SELECT id FROM people p WHERE EXISTS (SELECT 1 FROM depts d WHERE d.floor > p.id)"
    },
    {
      "exists-unqualified-outer-name",
      "SELECT dept FROM depts WHERE EXISTS (SELECT 1 FROM sales WHERE region = dept)"
    },
    {
      "exists-or-predicate",
      "SELECT id FROM people p WHERE EXISTS (SELECT 1 FROM depts d WHERE d.dept = p.dept AND d.floor = 3) OR age > 40"
    },
    {
      "exists-grouped-having",
      "SELECT dept FROM depts d WHERE EXISTS (SELECT p.dept FROM people p WHERE p.dept = d.dept GROUP BY p.dept HAVING count(*) > 1)"
    },
    {
      "exists-in-select-list",
      "SELECT dept, EXISTS (SELECT 1 FROM people p WHERE p.dept = d.dept) AS staffed FROM depts d"
    },
    {
      "exists-over-join",
      "SELECT p.id, d.floor FROM people p JOIN depts d ON p.dept = d.dept WHERE EXISTS (SELECT 1 FROM sales s WHERE s.year - 2020 = d.floor)"
    },
    {
      "exists-over-cte",
      "WITH x AS (SELECT * FROM people) SELECT id FROM x WHERE EXISTS (SELECT 1 FROM depts d WHERE d.dept = x.dept)"
    },
    {
      "exists-nested-correlation",
      "SELECT d.dept FROM depts d WHERE EXISTS (SELECT 1 FROM people p WHERE p.dept = d.dept AND EXISTS (SELECT 1 FROM sales s WHERE s.amount = p.id + 6))"
    },
    {
      "exists-two-references",
      "SELECT id FROM people p WHERE EXISTS (SELECT 1 FROM people q WHERE q.dept = p.dept AND q.age = p.age AND q.id <> p.id)"
    },
    {
      "exists-on-nullable-numbers",
      "SELECT i FROM nums n WHERE EXISTS (SELECT 1 FROM nums m WHERE m.l = n.l AND m.i = n.i)"
    },
    {
      "in-correlated",
      "SELECT id FROM people p WHERE dept IN (SELECT d.dept FROM depts d WHERE d.floor < p.id)"
    },
    {
      "not-in-correlated",
      "SELECT id FROM people p WHERE dept NOT IN (SELECT d.dept FROM depts d WHERE d.floor < p.id)"
    },
    {
      "in-correlated-null-in-set",
      "SELECT id FROM people p WHERE age IN (SELECT q.age FROM people q WHERE q.dept = p.dept AND q.id <> p.id)"
    },
    {
      "not-in-correlated-null-in-set",
      "SELECT id FROM people p WHERE age NOT IN (SELECT q.age FROM people q WHERE q.dept = p.dept AND q.id <> p.id)"
    },
    {
      "not-in-correlated-empty-set",
      "SELECT dept FROM depts d WHERE floor NOT IN (SELECT p.age FROM people p WHERE p.dept = d.dept)"
    },
    {
      "in-correlated-in-select-list",
      "SELECT id, dept IN (SELECT d.dept FROM depts d WHERE d.floor > p.id - 3) AS near FROM people p"
    },
    {
      "not-in-correlated-in-select-list",
      "SELECT id, dept NOT IN (SELECT d.dept FROM depts d WHERE d.floor > p.id - 3) AS far FROM people p"
    },
    {
      "in-uncorrelated-in-select-list",
      "SELECT id, dept IN (SELECT dept FROM depts) AS known, age NOT IN (SELECT 29) AS other FROM people"
    },
    {
      "not-in-correlated-under-or",
      "SELECT id FROM people p WHERE age > 40 OR dept NOT IN (SELECT d.dept FROM depts d WHERE d.floor < p.id)"
    },
    {
      "scalar-correlated-max",
      "SELECT id, (SELECT max(q.salary) FROM people q WHERE q.dept = p.dept) AS top FROM people p"
    },
    {
      "scalar-correlated-count-empty-group",
      "SELECT dept, (SELECT count(*) FROM people p WHERE p.dept = d.dept) AS n FROM depts d"
    },
    {
      "scalar-correlated-count-in-where",
      "SELECT dept FROM depts d WHERE (SELECT count(*) FROM people p WHERE p.dept = d.dept) = 0"
    },
    {
      "scalar-correlated-avg-compare",
      "SELECT id FROM people p WHERE salary > (SELECT avg(q.salary) FROM people q WHERE q.dept = p.dept)"
    },
    {
      "scalar-correlated-sum-empty",
      "SELECT dept, (SELECT sum(amount) FROM sales s WHERE s.region = d.dept) AS total FROM depts d"
    },
    {
      "scalar-correlated-in-expression",
      "SELECT id, 1 + (SELECT count(*) FROM depts d WHERE d.dept = p.dept) AS c FROM people p"
    },
    {
      "scalar-correlated-in-case",
      "SELECT id, CASE WHEN (SELECT count(*) FROM depts d WHERE d.dept = p.dept) > 0 THEN 'known' ELSE 'unknown' END AS k FROM people p"
    },
    {
      "scalar-correlated-string",
      "SELECT dept, (SELECT min(p.name) FROM people p WHERE p.dept = d.dept) AS first FROM depts d"
    },
    {
      "scalar-correlated-two-references",
      "SELECT id FROM people p WHERE (SELECT count(*) FROM people q WHERE q.dept = p.dept AND q.age = p.age) > 1"
    },
    {
      "scalar-correlated-and-uncorrelated",
      "SELECT id, (SELECT max(age) FROM people) - (SELECT max(q.age) FROM people q WHERE q.dept = p.dept) AS gap FROM people p"
    },
    {
      "scalar-correlated-sales-by-region",
      "SELECT region, year FROM sales s WHERE amount = (SELECT max(t.amount) FROM sales t WHERE t.region = s.region)"
    },
    {
      "exists-correlated-in-having",
      "SELECT dept, count(*) AS c FROM depts d GROUP BY dept HAVING EXISTS (SELECT 1 FROM people p WHERE p.dept = d.dept)"
    },
    {
      "correlated-then-aggregate",
      "SELECT count(*) AS c FROM people p WHERE EXISTS (SELECT 1 FROM depts d WHERE d.dept = p.dept)"
    },
    {
      "correlated-in-derived-table",
      "SELECT t.id FROM (SELECT id, dept FROM people p WHERE NOT EXISTS (SELECT 1 FROM depts d WHERE d.dept = p.dept AND d.floor > 2)) t"
    },
  };

  private static final String[][] ORDERED = {
    {
      "scalar-correlated-ordered",
      "SELECT id, (SELECT count(*) FROM people q WHERE q.dept = p.dept) AS n FROM people p ORDER BY n DESC, id"
    },
    {
      "exists-correlated-ordered-limit",
      "SELECT id FROM people p WHERE EXISTS (SELECT 1 FROM depts d WHERE d.dept = p.dept) ORDER BY id DESC LIMIT 2"
    },
  };

  private static final String[][] FAILS = {
    {
      "scalar-correlated-in-grouped-select",
      "SCALAR_SUBQUERY_IS_IN_GROUP_BY_OR_AGGREGATE_FUNCTION",
      "SELECT d.dept, (SELECT count(*) FROM people p WHERE p.dept = d.dept) AS n, count(*) AS c FROM depts d GROUP BY d.dept"
    },
    {
      "scalar-correlated-two-columns",
      "INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN",
      "SELECT id, (SELECT max(q.id), min(q.id) FROM people q WHERE q.dept = p.dept) AS x FROM people p"
    },
    {
      "in-correlated-two-columns",
      "DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH",
      "SELECT id FROM people p WHERE dept IN (SELECT d.dept, d.floor FROM depts d WHERE d.floor < p.id)"
    },
  };

  static void addTo(CaseBook book) {
    CaseBook b = book.area("sql-subquery");
    SqlQueryCases.queries(b, ROWS, ORDERED, FAILS);
    b.fails(
        "scalar-uncorrelated-too-many-rows",
        "an uncorrelated scalar subquery that returns two rows",
        "SCALAR_SUBQUERY_TOO_MANY_ROWS",
        sp -> sql(sp, "SELECT id, (SELECT dept FROM depts) AS x FROM people"));
    b.fails(
        "scalar-correlated-too-many-rows",
        "a correlated scalar subquery that returns two rows for one outer row",
        "SCALAR_SUBQUERY_TOO_MANY_ROWS",
        sp ->
            sql(
                sp,
                "SELECT dept, (SELECT p.id FROM people p WHERE p.dept = d.dept) AS x FROM depts d"));
  }
}
