package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.depts;
import static dev.forgeline.mock.kit.Fixtures.nested;
import static dev.forgeline.mock.kit.Fixtures.nums;
import static dev.forgeline.mock.kit.Fixtures.people;
import static dev.forgeline.mock.kit.Fixtures.sales;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Cases for {@code spark.sql} queries over temporary views of the fixtures: projections, filters,
 * joins, aggregation with GROUP BY / HAVING, ORDER BY, LIMIT / OFFSET, windows, CTEs, subqueries,
 * set operations, CASE, CAST, typed literals, VALUES and parameters.
 */
final class SqlQueryCases {

  private SqlQueryCases() {}

  /** Registers the fixtures as temporary views and runs the query. */
  static Dataset<Row> sql(SparkSession sp, String query) {
    people(sp).createOrReplaceTempView("people");
    depts(sp).createOrReplaceTempView("depts");
    sales(sp).createOrReplaceTempView("sales");
    nested(sp).createOrReplaceTempView("nested");
    nums(sp).createOrReplaceTempView("nums");
    return sp.sql(query);
  }

  private static final String[][] ROWS = {
    {"select-star", "SELECT * FROM people"},
    {"select-columns", "SELECT id, name FROM people"},
    {"select-qualified-star", "SELECT p.* FROM people p"},
    {"select-alias", "SELECT id AS key, upper(name) AS n FROM people"},
    {"select-expression-names", "SELECT id + 1, age * 2, name FROM people"},
    {"select-literals", "SELECT 1, 'a', 2.5, true, null"},
    {"where-alias-keyword", "SELECT id FROM people WHERE"},
    {"select-no-from-arith", "SELECT 1 + 2 AS three, 10 / 4 AS q, 10 DIV 4 AS d, 7 % 3 AS m"},
    {"where-compare", "SELECT id FROM people WHERE age > 30"},
    {"where-and-or", "SELECT id FROM people WHERE age > 30 OR dept = 'ops' AND salary > 4000"},
    {"where-not", "SELECT id FROM people WHERE NOT (age > 30)"},
    {"where-is-null", "SELECT id FROM people WHERE age IS NULL"},
    {"where-is-not-null", "SELECT id FROM people WHERE dept IS NOT NULL"},
    {"where-in-list", "SELECT id FROM people WHERE dept IN ('eng', 'hr')"},
    {"where-not-in-list", "SELECT id FROM people WHERE dept NOT IN ('eng', 'hr')"},
    {"where-between", "SELECT id FROM people WHERE age BETWEEN 29 AND 41"},
    {"where-like", "SELECT id FROM people WHERE name LIKE 'C%'"},
    {"where-not-like", "SELECT id FROM people WHERE name NOT LIKE '%a%'"},
    {"where-rlike", "SELECT id FROM people WHERE name RLIKE '^[A-D]'"},
    {"where-ilike", "SELECT id FROM people WHERE name ILIKE 'a%'"},
    {"where-neq", "SELECT id FROM people WHERE dept <> 'eng'"},
    {"where-neq-bang", "SELECT id FROM people WHERE dept != 'eng'"},
    {"where-null-safe", "SELECT id FROM people WHERE dept <=> NULL"},
    {"where-is-distinct", "SELECT id FROM people WHERE dept IS DISTINCT FROM 'eng'"},
    {"where-is-not-distinct", "SELECT id FROM people WHERE dept IS NOT DISTINCT FROM 'eng'"},
    {"where-is-true", "SELECT id FROM people WHERE (age > 30) IS TRUE"},
    {"where-is-false", "SELECT id FROM people WHERE (age > 30) IS FALSE"},
    {"where-function", "SELECT id FROM people WHERE length(name) = 3"},
    {"distinct", "SELECT DISTINCT dept FROM people"},
    {"distinct-two", "SELECT DISTINCT dept, age FROM people"},
    {
      "case-searched",
      "SELECT id, CASE WHEN age > 30 THEN 'old' WHEN age IS NULL THEN 'unknown' ELSE 'young' END AS band FROM people"
    },
    {
      "case-simple",
      "SELECT id, CASE dept WHEN 'eng' THEN 1 WHEN 'ops' THEN 2 ELSE 0 END AS code FROM people"
    },
    {"case-no-else", "SELECT id, CASE WHEN age > 40 THEN 'x' END AS x FROM people"},
    {"cast-int-string", "SELECT CAST(id AS STRING) AS s, CAST(age AS DOUBLE) AS d FROM people"},
    {"cast-decimal", "SELECT CAST(salary AS DECIMAL(10,1)) AS s FROM people"},
    {"try-cast", "SELECT TRY_CAST(name AS INT) AS n FROM people"},
    {"cast-shorthand", "SELECT id::string AS s FROM people"},
    {"typed-date", "SELECT DATE '2024-02-29' AS d"},
    {"typed-date-arith", "SELECT date_add(DATE '2024-02-28', 2) AS d"},
    {"typed-timestamp", "SELECT TIMESTAMP '2024-01-02 03:04:05' AS t"},
    {"typed-binary", "SELECT X'0A0B' AS b"},
    {"literal-long", "SELECT 5L AS l, 3S AS s, 2Y AS t, 1.5D AS d, 2.5F AS f, 1.25BD AS bd"},
    {"literal-big", "SELECT 3000000000 AS big, 12345678901234567890 AS dec"},
    {"literal-exponent", "SELECT 1E3 AS e, 1.5e-2 AS f"},
    {"literal-string-escape", "SELECT 'it''s' AS a, 'tab\\tx' AS b, \"dq\" AS c"},
    {"literal-concat-strings", "SELECT 'a' 'b' AS ab"},
    {"concat-pipes", "SELECT name || '-' || dept AS nd FROM people"},
    {"arith-mixed", "SELECT id * 1.5 AS a, age / 2 AS b, -age AS c, +age AS d FROM people"},
    {"bitwise", "SELECT id & 3 AS a, id | 8 AS o, id ^ 1 AS x, ~id AS n FROM people"},
    {
      "functions-string",
      "SELECT upper(name) u, lower(name) l, length(name) n, substr(name, 2, 2) s, concat_ws('/', name, dept) c FROM people"
    },
    {
      "functions-math",
      "SELECT round(salary, 0) r, abs(-id) a, sqrt(id) q, pow(id, 2) p, greatest(id, age) g FROM people"
    },
    {
      "functions-null",
      "SELECT coalesce(age, -1) c, nvl(dept, 'none') n, ifnull(name, '?') i, nullif(dept, 'eng') f FROM people"
    },
    {"functions-if", "SELECT if(age > 30, 'y', 'n') AS f FROM people"},
    {"count-star", "SELECT count(*) FROM people"},
    {"count-column", "SELECT count(age), count(DISTINCT dept) FROM people"},
    {
      "global-aggregates",
      "SELECT sum(salary) s, avg(age) a, min(name) mn, max(name) mx FROM people"
    },
    {"group-by", "SELECT dept, count(*) AS c FROM people GROUP BY dept"},
    {"group-by-two", "SELECT dept, age, count(*) AS c FROM people GROUP BY dept, age"},
    {
      "group-by-expression",
      "SELECT upper(dept) AS d, sum(salary) AS s FROM people GROUP BY upper(dept)"
    },
    {"group-by-ordinal", "SELECT dept, max(age) FROM people GROUP BY 1"},
    {"group-by-alias", "SELECT coalesce(dept, 'none') AS d, count(*) AS c FROM people GROUP BY d"},
    {"group-by-key-not-selected", "SELECT count(*) AS c FROM people GROUP BY dept"},
    {
      "group-by-expression-over-key",
      "SELECT concat(dept, '!') AS d, count(*) AS c FROM people GROUP BY dept"
    },
    {
      "aggregate-expression",
      "SELECT dept, sum(salary) / count(*) AS avg_s, max(age) - min(age) AS spread FROM people GROUP BY dept"
    },
    {"having", "SELECT dept, count(*) AS c FROM people GROUP BY dept HAVING count(*) > 1"},
    {"having-alias", "SELECT dept, count(*) AS c FROM people GROUP BY dept HAVING c > 1"},
    {"having-other-aggregate", "SELECT dept FROM people GROUP BY dept HAVING max(age) > 30"},
    {"having-key", "SELECT dept, count(*) AS c FROM people GROUP BY dept HAVING dept IS NOT NULL"},
    {"having-without-group", "SELECT count(*) AS c FROM people HAVING count(*) > 3"},
    {"group-rollup", "SELECT dept, age, count(*) AS c FROM people GROUP BY ROLLUP(dept, age)"},
    {
      "group-cube",
      "SELECT dept, count(*) AS c, grouping(dept) AS g FROM people GROUP BY CUBE(dept)"
    },
    {"group-with-rollup", "SELECT dept, sum(salary) AS s FROM people GROUP BY dept WITH ROLLUP"},
    {
      "grouping-sets",
      "SELECT dept, age, count(*) AS c FROM people GROUP BY GROUPING SETS ((dept, age), (dept), ())"
    },
    {
      "grouping-sets-single",
      "SELECT dept, sum(salary) AS s, grouping(dept) AS g FROM people"
          + " GROUP BY GROUPING SETS (dept, ())"
    },
    {
      "grouping-sets-after-keys",
      "SELECT dept, age, count(*) AS c FROM people GROUP BY dept, age GROUPING SETS ((dept), (age))"
    },
    {
      "grouping-sets-id",
      "SELECT dept, age, grouping_id() AS gid, max(salary) AS m FROM people"
          + " GROUP BY GROUPING SETS ((dept), (age), (dept, age))"
    },
    {
      "grouping-sets-having",
      "SELECT dept, count(*) AS c FROM people GROUP BY GROUPING SETS ((dept), ()) HAVING count(*) > 1"
    },
    {"distinct-aggregate-sum", "SELECT sum(DISTINCT age) AS s FROM people"},
    {
      "aggregate-collect",
      "SELECT dept, sort_array(collect_list(id)) AS ids FROM people GROUP BY dept"
    },
    {"inner-join", "SELECT p.id, d.floor FROM people p JOIN depts d ON p.dept = d.dept"},
    {
      "inner-join-keyword",
      "SELECT p.id, d.floor FROM people p INNER JOIN depts d ON p.dept = d.dept"
    },
    {"left-join", "SELECT p.id, d.floor FROM people p LEFT JOIN depts d ON p.dept = d.dept"},
    {
      "left-outer-join",
      "SELECT p.id, d.floor FROM people p LEFT OUTER JOIN depts d ON p.dept = d.dept"
    },
    {"right-join", "SELECT p.id, d.floor FROM people p RIGHT JOIN depts d ON p.dept = d.dept"},
    {"full-join", "SELECT p.id, d.floor FROM people p FULL OUTER JOIN depts d ON p.dept = d.dept"},
    {"semi-join", "SELECT * FROM people p LEFT SEMI JOIN depts d ON p.dept = d.dept"},
    {"anti-join", "SELECT * FROM people p LEFT ANTI JOIN depts d ON p.dept = d.dept"},
    {"cross-join", "SELECT p.id, d.dept FROM people p CROSS JOIN depts d"},
    {"comma-join", "SELECT p.id, d.floor FROM people p, depts d WHERE p.dept = d.dept"},
    {"join-using", "SELECT * FROM people JOIN depts USING (dept)"},
    {"left-join-using", "SELECT * FROM people LEFT JOIN depts USING (dept)"},
    {
      "join-compound-condition",
      "SELECT p.id, d.floor FROM people p JOIN depts d ON p.dept = d.dept AND d.floor > 1"
    },
    {
      "self-join",
      "SELECT a.id, b.id AS other FROM people a JOIN people b ON a.age = b.age AND a.id < b.id"
    },
    {
      "three-way-join",
      "SELECT p.id, d.floor, s.amount FROM people p JOIN depts d ON p.dept = d.dept JOIN sales s ON s.year = 2023 + d.floor - d.floor"
    },
    {
      "join-then-aggregate",
      "SELECT d.floor, count(*) AS c FROM people p JOIN depts d ON p.dept = d.dept GROUP BY d.floor"
    },
    {
      "unqualified-join-columns", "SELECT name, floor FROM people p JOIN depts d ON p.dept = d.dept"
    },
    {
      "subquery-in-from",
      "SELECT t.d, t.c FROM (SELECT dept AS d, count(*) AS c FROM people GROUP BY dept) t WHERE t.c > 1"
    },
    {"subquery-in-from-no-alias", "SELECT * FROM (SELECT id FROM people WHERE id < 3)"},
    {"cte", "WITH e AS (SELECT * FROM people WHERE dept = 'eng') SELECT id, name FROM e"},
    {
      "cte-two",
      "WITH a AS (SELECT id FROM people), b AS (SELECT id FROM a WHERE id > 3) SELECT * FROM b"
    },
    {"cte-column-aliases", "WITH c(k, v) AS (SELECT id, name FROM people) SELECT k, v FROM c"},
    {
      "cte-joined-twice",
      "WITH d AS (SELECT dept, floor FROM depts) SELECT x.dept FROM d x JOIN d y ON x.floor = y.floor"
    },
    {"scalar-subquery", "SELECT id, (SELECT max(age) FROM people) AS oldest FROM people"},
    {"scalar-subquery-where", "SELECT id FROM people WHERE age = (SELECT max(age) FROM people)"},
    {"scalar-subquery-empty", "SELECT (SELECT age FROM people WHERE id = 99) AS a"},
    {"in-subquery", "SELECT id FROM people WHERE dept IN (SELECT dept FROM depts WHERE floor > 1)"},
    {
      "not-in-subquery",
      "SELECT id FROM people WHERE dept NOT IN (SELECT dept FROM depts WHERE dept IS NOT NULL)"
    },
    {
      "exists-uncorrelated",
      "SELECT id FROM people WHERE EXISTS (SELECT 1 FROM depts WHERE floor = 9)"
    },
    {
      "not-exists-uncorrelated",
      "SELECT id FROM people WHERE NOT EXISTS (SELECT 1 FROM depts WHERE floor = 7)"
    },
    {"union-all", "SELECT dept FROM people UNION ALL SELECT dept FROM depts"},
    {"union-distinct", "SELECT dept FROM people UNION SELECT dept FROM depts"},
    {"union-keyword-distinct", "SELECT dept FROM people UNION DISTINCT SELECT dept FROM depts"},
    {"intersect", "SELECT dept FROM people INTERSECT SELECT dept FROM depts"},
    {"intersect-all", "SELECT age FROM people INTERSECT ALL SELECT age FROM people WHERE age < 40"},
    {"except", "SELECT dept FROM depts EXCEPT SELECT dept FROM people"},
    {"except-all", "SELECT age FROM people EXCEPT ALL SELECT 29"},
    {"minus", "SELECT dept FROM depts MINUS SELECT dept FROM people"},
    {"union-widens", "SELECT id FROM people UNION ALL SELECT salary FROM people"},
    {"values", "VALUES (1, 'a'), (2, 'b')"},
    {"values-alias", "SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(k, v)"},
    {"values-single-column", "SELECT * FROM VALUES 1, 2, 3 AS t(x)"},
    {"values-widen", "SELECT * FROM VALUES (1), (2.5), (null) AS t(x)"},
    {
      "values-join",
      "SELECT p.id, t.label FROM people p JOIN VALUES ('eng', 'E'), ('ops', 'O') AS t(d, label) ON p.dept = t.d"
    },
    {"table-statement", "TABLE depts"},
    {"range-function", "SELECT * FROM range(3)"},
    {"range-function-bounds", "SELECT id * 2 AS x FROM range(1, 7, 2)"},
    {
      "window-row-number",
      "SELECT id, row_number() OVER (PARTITION BY dept ORDER BY id) AS rn FROM people"
    },
    {
      "window-rank",
      "SELECT id, rank() OVER (ORDER BY age) AS r, dense_rank() OVER (ORDER BY age) AS dr FROM people"
    },
    {
      "window-sum-partition", "SELECT id, sum(salary) OVER (PARTITION BY dept) AS total FROM people"
    },
    {
      "window-running",
      "SELECT id, sum(id) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS run FROM people"
    },
    {
      "window-moving",
      "SELECT id, avg(id) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS mv FROM people"
    },
    {
      "window-range",
      "SELECT id, count(*) OVER (ORDER BY age RANGE BETWEEN 5 PRECEDING AND CURRENT ROW) AS c FROM people"
    },
    {
      "window-lag-lead",
      "SELECT id, lag(id) OVER (ORDER BY id) AS prev, lead(id, 2) OVER (ORDER BY id) AS nxt FROM people"
    },
    {
      "window-named",
      "SELECT id, row_number() OVER w AS rn, max(age) OVER w AS m FROM people WINDOW w AS (PARTITION BY dept ORDER BY id)"
    },
    {
      "window-desc-nulls",
      "SELECT id, row_number() OVER (ORDER BY age DESC NULLS FIRST, id) AS rn FROM people"
    },
    {
      "window-in-where-subquery",
      "SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY dept ORDER BY salary DESC) AS rn FROM people) t WHERE rn = 1"
    },
    {"lambda-transform", "SELECT k, transform(arr, x -> x + 1) AS t FROM nested"},
    {"lambda-filter", "SELECT k, filter(arr, x -> x > 1) AS f FROM nested"},
    {"lambda-aggregate", "SELECT k, aggregate(arr, 0, (acc, x) -> acc + x) AS s FROM nested"},
    {"lambda-exists", "SELECT k, exists(arr, x -> x IS NULL) AS e FROM nested"},
    {"nested-field", "SELECT k, st.x, st.y FROM nested"},
    {"nested-subscript", "SELECT k, arr[0] AS first, m['x'] AS x FROM nested WHERE size(arr) > 0"},
    {"nested-subscript-empty", "SELECT k, try_element_at(arr, 1) AS first FROM nested"},
    {"nested-explode", "SELECT k, explode(arr) AS v FROM nested"},
    {"named-struct", "SELECT named_struct('a', id, 'b', name) AS s FROM people"},
    {"array-literal-fn", "SELECT array(1, 2, 3) AS a, map('k', 1) AS m"},
    {"interval-literal", "SELECT INTERVAL 90 MINUTES AS i, INTERVAL '2' DAY AS d"},
    {
      "current-date-type",
      "SELECT current_date() IS NOT NULL AS ok, current_timestamp() IS NOT NULL AS ok2"
    },
    {"nums-mixed-arith", "SELECT i + l AS a, d * f AS b, dec + 1 AS c FROM nums"},
    {"nums-short-overflow", "SELECT s + b AS e FROM nums WHERE s < 100"},
    {
      "sales-pivot-like",
      "SELECT region, sum(CASE WHEN year = 2023 THEN amount ELSE 0 END) AS y23 FROM sales GROUP BY region"
    },
    {"backquoted-names", "SELECT `id` AS `the id`, `name` FROM people"},
    {"comment-in-sql", "SELECT id /* the key */ FROM people -- trailing\n WHERE id < 3"},
    {"semicolon", "SELECT id FROM people WHERE id = 1;"},
  };

  private static final String[][] ORDERED = {
    {"order-by", "SELECT id, name FROM people ORDER BY id DESC"},
    {"order-by-two", "SELECT id, age FROM people ORDER BY age DESC NULLS LAST, id"},
    {"order-by-nulls-first", "SELECT id, age FROM people ORDER BY age ASC, id"},
    {"order-by-nulls-last", "SELECT id, age FROM people ORDER BY age ASC NULLS LAST, id"},
    {"order-by-ordinal", "SELECT name, id FROM people ORDER BY 2"},
    {"order-by-alias", "SELECT id AS k FROM people ORDER BY k DESC"},
    {"order-by-not-selected", "SELECT name FROM people ORDER BY id DESC"},
    {"order-by-expression", "SELECT id FROM people ORDER BY id % 3, id"},
    {"limit", "SELECT id FROM people ORDER BY id LIMIT 3"},
    {"limit-offset", "SELECT id FROM people ORDER BY id LIMIT 2 OFFSET 3"},
    {"offset-only", "SELECT id FROM people ORDER BY id OFFSET 4"},
    {"limit-zero", "SELECT id FROM people ORDER BY id LIMIT 0"},
    {
      "group-order-by-aggregate",
      "SELECT dept, count(*) AS c FROM people WHERE dept IS NOT NULL GROUP BY dept ORDER BY count(*) DESC, dept"
    },
    {
      "group-order-by-alias",
      "SELECT dept, sum(salary) AS s FROM people GROUP BY dept ORDER BY s DESC NULLS LAST"
    },
    {
      "group-order-by-key",
      "SELECT dept, count(*) AS c FROM people GROUP BY dept ORDER BY dept NULLS LAST"
    },
    {
      "group-order-by-hidden-aggregate",
      "SELECT dept FROM people WHERE dept IS NOT NULL GROUP BY dept ORDER BY max(id)"
    },
    {
      "union-order-limit",
      "SELECT id FROM people WHERE id < 3 UNION ALL SELECT id FROM people WHERE id > 4 ORDER BY id DESC LIMIT 3"
    },
    {"distinct-order", "SELECT DISTINCT age FROM people ORDER BY age NULLS LAST"},
    {
      "cte-order",
      "WITH t AS (SELECT id, age FROM people) SELECT id FROM t ORDER BY age DESC NULLS LAST, id"
    },
    {"window-order", "SELECT id, sum(id) OVER (ORDER BY id) AS s FROM people ORDER BY id"},
  };

  private static final String[][] FAILS = {
    {"unknown-table", "TABLE_OR_VIEW_NOT_FOUND", "SELECT * FROM no_such_table"},
    {"unknown-qualified-table", "TABLE_OR_VIEW_NOT_FOUND", "SELECT * FROM nodb.no_such_table"},
    {"unknown-column", "UNRESOLVED_COLUMN.WITH_SUGGESTION", "SELECT nope FROM people"},
    {"parse-error", "PARSE_SYNTAX_ERROR", "SELEC id FROM people"},
    {"parse-error-trailing", "PARSE_SYNTAX_ERROR", "SELECT id FROM people WHERE id >"},
    {"short-overflow", "BINARY_ARITHMETIC_OVERFLOW", "SELECT s + b AS e FROM nums"},
    {"empty-array-index", "INVALID_ARRAY_INDEX", "SELECT arr[0] FROM nested"},
    {"parse-error-unclosed", "PARSE_SYNTAX_ERROR", "SELECT (id FROM people"},
    {"unknown-function", "UNRESOLVED_ROUTINE", "SELECT no_such_fn(id) FROM people"},
    {
      "union-arity",
      "NUM_COLUMNS_MISMATCH",
      "SELECT id, name FROM people UNION SELECT dept FROM depts"
    },
    {
      "ambiguous-join-column",
      "AMBIGUOUS_REFERENCE",
      "SELECT dept FROM people p JOIN depts d ON p.dept = d.dept"
    },
    {"order-ordinal-out-of-range", "ORDER_BY_POS_OUT_OF_RANGE", "SELECT id FROM people ORDER BY 3"},
    {"unbound-parameter", "UNBOUND_SQL_PARAMETER", "SELECT :missing"},
    {"cast-invalid", "CAST_INVALID_INPUT", "SELECT CAST('abc' AS INT)"},
    {"divide-by-zero", "DIVIDE_BY_ZERO", "SELECT 1 DIV 0"},
  };

  /**
   * Adds one case per query of each table: {@code rows} and {@code ordered} hold {id, query},
   * {@code fails} holds {id, Spark's error condition, query}.
   */
  static void queries(CaseBook b, String[][] rows, String[][] ordered, String[][] fails) {
    for (String[] c : rows) {
      String query = c[1];
      b.rows(c[0], query, sp -> sql(sp, query));
    }
    for (String[] c : ordered) {
      String query = c[1];
      b.ordered(c[0], query, sp -> sql(sp, query));
    }
    for (String[] c : fails) {
      String query = c[2];
      b.fails(c[0], query, c[1], sp -> sql(sp, query));
    }
  }

  static void addTo(CaseBook book) {
    CaseBook b = book.area("sql-query");
    queries(b, ROWS, ORDERED, FAILS);
    b.rowsWithSparkParser(
        "named-parameters",
        "sql(query, Map) binds :name markers",
        sp -> {
          sql(sp, "SELECT 1");
          return sp.sql(
              "SELECT id, name FROM people WHERE age > :min AND dept = :d",
              Map.<String, Object>of("min", 25, "d", "eng"));
        });
    b.rowsWithSparkParser(
        "positional-parameters",
        "sql(query, Object[]) binds ? markers in text order",
        sp -> {
          sql(sp, "SELECT 1");
          return sp.sql("SELECT id FROM people WHERE age > ? AND id < ?", new Object[] {25, 5});
        });
    b.rowsWithSparkParser(
        "parameter-in-select",
        "a named parameter as a projected literal",
        sp -> sp.sql("SELECT :x AS x, :y AS y", Map.<String, Object>of("x", 42L, "y", "text")));
    b.rowsWithSparkParser(
        "parameter-date",
        "a date parameter",
        sp ->
            sp.sql(
                "SELECT date_add(:d, 1) AS d",
                Map.<String, Object>of("d", java.sql.Date.valueOf("2024-02-28"))));
    b.rows(
        "sql-then-dataset-api",
        "a SQL frame continues with the Dataset API",
        sp ->
            sql(sp, "SELECT dept, salary FROM people").groupBy("dept").count().filter("count > 1"));
    b.rows(
        "dataset-view-of-sql",
        "a view of a SQL frame is queried again by SQL",
        sp -> {
          sql(sp, "SELECT id, age FROM people WHERE age > 30").createOrReplaceTempView("older");
          return sp.sql("SELECT count(*) AS c FROM older");
        });
    b.rows(
        "empty-result-schema",
        "a query that keeps no rows keeps its schema",
        sp -> sql(sp, "SELECT id, name FROM people WHERE 1 = 0"));
  }
}
