package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.nested;
import static dev.forgeline.mock.kit.Fixtures.people;
import static org.apache.spark.sql.functions.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;

/**
 * Cases for arrays, maps and structs: constructors, accessors, explode and higher-order functions.
 */
final class CollectionCases {

  private CollectionCases() {}

  static void addTo(CaseBook book) {
    CaseBook b = book.area("collections");
    Map<String, Function<Column, Column>> onArray = new LinkedHashMap<>();
    onArray.put("size", c -> size(c));
    onArray.put("cardinality", c -> cardinality(c));
    onArray.put("array-contains", c -> array_contains(c, 5));
    onArray.put("sort-array", c -> sort_array(c));
    onArray.put("sort-array-desc", c -> sort_array(c, false));
    onArray.put("array-sort", c -> array_sort(c));
    onArray.put("array-distinct", c -> array_distinct(c));
    onArray.put("array-max", c -> array_max(c));
    onArray.put("array-min", c -> array_min(c));
    onArray.put("array-position", c -> array_position(c, 5));
    onArray.put("array-remove", c -> array_remove(c, 5));
    onArray.put("array-union", c -> array_union(c, array(lit(1), lit(9))));
    onArray.put("array-intersect", c -> array_intersect(c, array(lit(1), lit(5))));
    onArray.put("array-except", c -> array_except(c, array(lit(1))));
    onArray.put("array-join", c -> array_join(c, "|"));
    onArray.put("array-join-null-replacement", c -> array_join(c, "|", "?"));
    onArray.put("slice", c -> slice(c, 1, 2));
    onArray.put("element-at", c -> try_element_at(c, lit(2)));
    onArray.put("element-at-negative", c -> try_element_at(c, lit(-1)));
    onArray.put("reverse", c -> reverse(c));
    onArray.put("flatten", c -> flatten(array(c, c)));
    onArray.put("concat-arrays", c -> concat(c, array(lit(0))));
    onArray.put("arrays-overlap", c -> arrays_overlap(c, array(lit(2), lit(7))));
    onArray.put("transform", c -> transform(c, x -> x.multiply(10)));
    onArray.put("filter", c -> filter(c, x -> x.gt(1)));
    onArray.put("exists", c -> exists(c, x -> x.equalTo(5)));
    onArray.put("forall", c -> forall(c, x -> x.gt(0)));
    onArray.put("aggregate", c -> aggregate(c, lit(0), (acc, x) -> acc.plus(coalesce(x, lit(0)))));
    onArray.put("array-repeat", c -> array_repeat(size(c), 2));
    onArray.put("array-append", c -> array_append(c, lit(4)));
    onArray.put("array-compact", c -> array_compact(c));
    onArray.put("zip-with-index", c -> transform(c, (x, i) -> x.plus(i)));
    for (Map.Entry<String, Function<Column, Column>> fn : onArray.entrySet()) {
      b.rows(
          fn.getKey(),
          fn.getKey() + " over nested.arr (incl. empty, null and null elements)",
          sp -> nested(sp).select(col("k"), fn.getValue().apply(col("arr"))));
    }
    b.rows(
        "explode",
        "explode drops null and empty arrays",
        sp -> nested(sp).select(col("k"), explode(col("arr"))));
    b.rows(
        "explode-outer",
        "explode_outer keeps them as null",
        sp -> nested(sp).select(col("k"), explode_outer(col("arr"))));
    b.rows(
        "posexplode",
        "posexplode adds the position",
        sp -> nested(sp).select(col("k"), posexplode(col("tags"))));
    b.rows(
        "posexplode-outer",
        "posexplode_outer",
        sp -> nested(sp).select(col("k"), posexplode_outer(col("tags"))));
    b.rows(
        "explode-map",
        "explode of a map gives key and value",
        sp -> nested(sp).select(col("k"), explode(col("m"))));
    b.rows(
        "explode-alias",
        "explode with an alias",
        sp -> nested(sp).select(explode(col("tags")).as("t")));
    b.rows(
        "explode-then-group",
        "explode then count per element",
        sp -> nested(sp).select(explode(col("arr")).as("x")).groupBy("x").count());
    b.rows(
        "array-of-columns",
        "array() of columns",
        sp -> people(sp).select(array(col("id"), col("age"))));
    b.rows(
        "array-mixed-widening",
        "array() of int and double widens to double",
        sp -> people(sp).select(array(col("id"), col("salary"))));
    b.rows("array-empty", "array() with no arguments", sp -> people(sp).select(array()).limit(1));
    b.rows(
        "struct",
        "struct() of columns keeps their names",
        sp -> people(sp).select(struct(col("id"), col("name").as("n"))));
    b.rows(
        "named-struct",
        "named_struct",
        sp -> people(sp).select(named_struct(lit("a"), col("id"), lit("b"), col("dept"))));
    b.rows(
        "struct-field-access",
        "a field of a built struct",
        sp -> people(sp).select(struct(col("id"), col("name")).getField("name")));
    b.rows(
        "map-literal",
        "map() of key/value columns",
        sp -> people(sp).filter(col("name").isNotNull()).select(map(col("name"), col("age"))));
    b.fails(
        "map-null-key",
        "map() with a null key fails",
        "NULL_MAP_KEY",
        sp -> people(sp).select(map(col("name"), col("age"))));
    b.rows(
        "map-keys-values",
        "map_keys and map_values",
        sp -> nested(sp).select(map_keys(col("m")), map_values(col("m"))));
    b.rows(
        "map-element-at",
        "element_at on a map",
        sp -> nested(sp).select(element_at(col("m"), "x")));
    b.rows(
        "map-contains-key",
        "map_contains_key",
        sp -> nested(sp).select(map_contains_key(col("m"), "y")));
    b.rows("map-entries", "map_entries", sp -> nested(sp).select(map_entries(col("m"))));
    b.rows(
        "map-from-arrays",
        "map_from_arrays",
        sp ->
            nested(sp)
                .filter(col("k").equalTo(1))
                .select(map_from_arrays(col("tags"), slice(col("arr"), 1, 2))));
    b.rows(
        "map-concat",
        "map_concat",
        sp ->
            nested(sp)
                .filter(col("k").equalTo(1))
                .select(map_concat(col("m"), map(lit("w"), lit(0)))));
    b.rows(
        "struct-in-array",
        "array of structs then a field",
        sp ->
            people(sp)
                .select(
                    array(struct(col("id").as("v")), struct(col("age").as("v")))
                        .getField("v")
                        .as("vs")));
    b.rows(
        "size-of-null",
        "size of a null array is null while ANSI mode is on",
        sp -> nested(sp).select(size(col("tags"))));
    b.fails(
        "element-at-zero",
        "element_at with index 0 fails",
        "INVALID_INDEX_OF_ZERO",
        sp -> nested(sp).select(element_at(col("arr"), 0)));
    b.fails(
        "element-at-out-of-bounds",
        "element_at past the end fails under ANSI",
        "INVALID_ARRAY_INDEX_IN_ELEMENT_AT",
        sp -> nested(sp).select(element_at(col("arr"), 9)));
    b.fails(
        "array-contains-type",
        "array_contains with an incompatible value",
        "DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES",
        sp -> nested(sp).select(array_contains(col("arr"), array(lit(1)))));
    b.fails(
        "explode-int",
        "explode of an int",
        "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
        sp -> nested(sp).select(explode(col("k"))));
    b.fails(
        "size-of-string",
        "size of a string",
        "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
        sp -> people(sp).select(size(col("name"))));
    b.rows(
        "two-generators",
        "two explodes in one select are allowed and multiply rows",
        sp -> nested(sp).select(explode(col("arr")), explode(col("tags"))));
    b.fails(
        "map-duplicate-key",
        "map() with duplicate keys fails by default",
        "DUPLICATED_MAP_KEY",
        sp -> people(sp).select(map(lit("a"), col("id"), lit("a"), col("id"))));
  }
}
