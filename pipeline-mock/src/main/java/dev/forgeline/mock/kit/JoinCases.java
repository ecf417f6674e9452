package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.depts;
import static dev.forgeline.mock.kit.Fixtures.emptyPeople;
import static dev.forgeline.mock.kit.Fixtures.people;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Cases for joins of every type, on a condition, with {@code using} columns, self joins with
 * aliases, duplicate column names and ambiguous references.
 */
final class JoinCases {

  private static final String[] TYPES = {
    "inner",
    "left",
    "left_outer",
    "right",
    "right_outer",
    "full",
    "full_outer",
    "outer",
    "left_semi",
    "semi",
    "left_anti",
    "anti",
    "cross"
  };

  private JoinCases() {}

  static void addTo(CaseBook book) {
    CaseBook b = book.area("joins");
    for (String type : TYPES) {
      b.rows(
          "on-" + type,
          type + " join of people and depts on a condition",
          sp -> {
            Dataset<Row> p = people(sp);
            Dataset<Row> d = depts(sp).withColumnRenamed("dept", "d_dept");
            return p.join(d, p.col("dept").equalTo(d.col("d_dept")), type);
          });
      if (!type.equals("cross")) {
        b.rows(
            "using-" + type,
            type + " join using dept",
            sp -> people(sp).join(depts(sp), new String[] {"dept"}, type));
      }
    }
    b.rows(
        "inner-default",
        "join(other, column) is an inner join using it",
        sp -> people(sp).join(depts(sp), "dept"));
    b.rows(
        "using-seq",
        "join(other, List) with one using column",
        sp -> people(sp).join(depts(sp), new String[] {"dept"}));
    b.rows(
        "cross-join",
        "crossJoin pairs every row",
        sp -> depts(sp).crossJoin(depts(sp).select(col("floor").as("f2"))));
    b.rows(
        "no-condition",
        "join(other) without a condition is a cross join",
        sp -> depts(sp).join(depts(sp).select(col("floor").as("f2"))));
    b.rows(
        "null-keys-dont-match",
        "null keys never match in an equi-join",
        sp -> {
          Dataset<Row> p = people(sp);
          Dataset<Row> d = depts(sp);
          return p.join(d, p.col("dept").equalTo(d.col("dept")))
              .select(p.col("id"), d.col("floor"));
        });
    b.rows(
        "null-safe-join",
        "<=> joins null keys",
        sp -> {
          Dataset<Row> p = people(sp);
          Dataset<Row> d = depts(sp);
          return p.join(d, p.col("dept").eqNullSafe(d.col("dept")), "inner")
              .select(p.col("id"), d.col("floor"));
        });
    b.rows(
        "duplicate-names-kept",
        "a condition join keeps both dept columns",
        sp -> {
          Dataset<Row> p = people(sp);
          Dataset<Row> d = depts(sp);
          return p.join(d, p.col("dept").equalTo(d.col("dept")), "left");
        });
    b.rows(
        "select-by-frame-col",
        "df.col() disambiguates after a join",
        sp -> {
          Dataset<Row> p = people(sp);
          Dataset<Row> d = depts(sp);
          return p.join(d, p.col("dept").equalTo(d.col("dept")), "full")
              .select(p.col("dept"), d.col("dept"), col("name"));
        });
    b.fails(
        "ambiguous-after-join",
        "an unqualified duplicated name is ambiguous",
        "AMBIGUOUS_REFERENCE",
        sp -> {
          Dataset<Row> p = people(sp);
          Dataset<Row> d = depts(sp);
          return p.join(d, p.col("dept").equalTo(d.col("dept"))).select("dept");
        });
    b.rows(
        "self-join-aliases",
        "a self join with aliases",
        sp -> {
          Dataset<Row> p = people(sp);
          return p.as("a")
              .join(p.as("b"), col("a.age").equalTo(col("b.age")).and(col("a.id").lt(col("b.id"))))
              .select(col("a.name"), col("b.name"));
        });
    b.rows(
        "using-coalesces-full",
        "a full join using dept coalesces the key",
        sp ->
            people(sp)
                .join(depts(sp), new String[] {"dept"}, "full")
                .select("dept", "id", "floor"));
    b.rows(
        "using-two-columns",
        "join using two columns",
        sp -> people(sp).join(people(sp).select("id", "dept", "age"), new String[] {"id", "dept"}));
    b.rows(
        "non-equi",
        "a non-equi join condition",
        sp -> {
          Dataset<Row> p = people(sp);
          Dataset<Row> d = depts(sp);
          return p.join(d, p.col("id").lt(d.col("floor"))).select(p.col("id"), d.col("floor"));
        });
    b.rows(
        "complex-condition",
        "a join condition with or",
        sp -> {
          Dataset<Row> p = people(sp);
          Dataset<Row> d = depts(sp);
          return p.join(
                  d, p.col("dept").equalTo(d.col("dept")).or(d.col("floor").equalTo(9)), "left")
              .select(p.col("id"), d.col("floor"));
        });
    b.rows(
        "empty-left",
        "left join from an empty frame",
        sp -> emptyPeople(sp).join(depts(sp), new String[] {"dept"}, "left"));
    b.rows(
        "empty-right",
        "left join to an empty frame keeps the left rows",
        sp -> depts(sp).join(emptyPeople(sp), new String[] {"dept"}, "left"));
    b.rows(
        "broadcast-hint",
        "a broadcast hint does not change the result",
        sp -> people(sp).join(broadcast(depts(sp)), "dept"));
    b.rows(
        "many-to-many",
        "duplicate keys on both sides multiply",
        sp -> {
          Dataset<Row> a = people(sp).select("dept", "id");
          return a.join(a.withColumnRenamed("id", "id2"), "dept");
        });
    b.rows(
        "join-then-filter",
        "filter after a join on both sides' columns",
        sp -> people(sp).join(depts(sp), "dept").filter(col("floor").gt(1).and(col("age").gt(30))));
    b.rows(
        "join-literal-true",
        "join on lit(true) is a cross join",
        sp -> depts(sp).join(depts(sp).select(col("floor").as("f")), lit(true)));
    for (String type : new String[] {"inner", "left", "right", "full", "left_semi", "left_anti"}) {
      b.rows(
          "hash-residual-" + type,
          type + " join on a key equality and a non-equi term on both sides",
          sp -> {
            Dataset<Row> p = people(sp);
            Dataset<Row> d = depts(sp).withColumnRenamed("dept", "d_dept");
            return p.join(
                d,
                d.col("d_dept")
                    .equalTo(p.col("dept"))
                    .and(p.col("age").gt(d.col("floor").multiply(10))),
                type);
          });
      b.rows(
          "null-safe-" + type,
          type + " join on <=>: null keys match each other",
          sp -> {
            Dataset<Row> p = people(sp);
            Dataset<Row> d = depts(sp).withColumnRenamed("dept", "d_dept");
            return p.join(d, p.col("dept").eqNullSafe(d.col("d_dept")), type);
          });
    }
    b.rows(
        "key-expressions-coerced",
        "keys are expressions of each side, coerced to a common type (int + 1 = double)",
        sp -> {
          Dataset<Row> p = people(sp);
          Dataset<Row> d = depts(sp).select(col("floor").cast("double").as("f"));
          return p.join(d, p.col("id").plus(1).equalTo(d.col("f")), "full")
              .select(p.col("id"), d.col("f"));
        });
    b.rows(
        "two-keys-one-reversed",
        "two key equalities, one written right side first",
        sp -> {
          Dataset<Row> a = people(sp).select("id", "dept", "age");
          Dataset<Row> c = people(sp).select(col("id").as("id2"), col("dept").as("dept2"));
          return a.join(
              c, c.col("dept2").equalTo(a.col("dept")).and(a.col("id").equalTo(c.col("id2"))));
        });
    b.rows(
        "nan-and-signed-zero-keys",
        "double keys: NaN matches NaN and -0.0 matches 0.0",
        sp -> {
          Dataset<Row> l =
              sp.range(4)
                  .select(
                      col("id"),
                      when(col("id").equalTo(0), lit(Double.NaN))
                          .when(col("id").equalTo(1), lit(-0.0d))
                          .otherwise(col("id").cast("double"))
                          .as("x"));
          Dataset<Row> r =
              sp.range(3)
                  .select(
                      col("id").as("rid"),
                      when(col("id").equalTo(0), lit(Double.NaN))
                          .when(col("id").equalTo(1), lit(0.0d))
                          .otherwise(lit(2.0d))
                          .as("y"));
          return l.join(r, l.col("x").equalTo(r.col("y")), "left").select("id", "rid");
        });
    b.fails(
        "unknown-using",
        "join using a column missing on the right",
        "UNRESOLVED_USING_COLUMN_FOR_JOIN",
        sp -> people(sp).join(depts(sp), new String[] {"name"}));
    b.fails(
        "bad-join-type",
        "an unknown join type",
        "UNSUPPORTED_JOIN_TYPE",
        sp -> people(sp).join(depts(sp), new String[] {"dept"}, "sideways"));
    b.fails(
        "non-boolean-condition",
        "a join condition that is not boolean",
        "JOIN_CONDITION_IS_NOT_BOOLEAN_TYPE",
        sp -> people(sp).join(depts(sp), col("floor")));
  }
}
