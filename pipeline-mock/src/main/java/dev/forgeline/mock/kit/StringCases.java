package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.Fixtures.people;
import static dev.forgeline.mock.kit.Fixtures.texts;
import static org.apache.spark.sql.functions.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;

/**
 * Cases for string functions, each applied to a column holding padding, commas, an empty string,
 * null, non-ASCII letters and digits.
 */
final class StringCases {

  private StringCases() {}

  static void addTo(CaseBook book) {
    CaseBook b = book.area("strings");
    Map<String, Function<Column, Column>> fns = new LinkedHashMap<>();
    fns.put("upper", c -> upper(c));
    fns.put("lower", c -> lower(c));
    fns.put("length", c -> length(c));
    fns.put("char-length", c -> char_length(c));
    fns.put("octet-length", c -> octet_length(c));
    fns.put("trim", c -> trim(c));
    fns.put("ltrim", c -> ltrim(c));
    fns.put("rtrim", c -> rtrim(c));
    fns.put("trim-chars", c -> trim(c, "a "));
    fns.put("substring", c -> substring(c, 2, 3));
    fns.put("substring-negative", c -> substring(c, -3, 2));
    fns.put("substring-zero-pos", c -> substring(c, 0, 2));
    fns.put("substr-column", c -> c.substr(1, 4));
    fns.put("left", c -> left(c, lit(3)));
    fns.put("right", c -> right(c, lit(3)));
    fns.put("concat", c -> concat(c, lit("!"), c));
    fns.put("concat-ws", c -> concat_ws("-", c, lit("x"), c));
    fns.put("lpad", c -> lpad(c, 8, "*"));
    fns.put("rpad", c -> rpad(c, 8, "*"));
    fns.put("lpad-truncates", c -> lpad(c, 2, "*"));
    fns.put("instr", c -> instr(c, "l"));
    fns.put("locate", c -> locate("a", c));
    fns.put("locate-pos", c -> locate("a", c, 3));
    fns.put("reverse", c -> reverse(c));
    fns.put("repeat", c -> repeat(c, 2));
    fns.put("initcap", c -> initcap(c));
    fns.put("translate", c -> translate(c, "lo", "01"));
    fns.put("regexp-replace", c -> regexp_replace(c, "[0-9]+", "#"));
    fns.put("regexp-replace-group", c -> regexp_replace(c, "([a-z])([0-9])", "$2$1"));
    fns.put("regexp-extract", c -> regexp_extract(c, "([a-z]+)([0-9]+)", 2));
    fns.put("regexp-extract-no-match", c -> regexp_extract(c, "(zz)", 1));
    fns.put("regexp-extract-all", c -> regexp_extract_all(c, lit("[0-9]+"), lit(0)));
    fns.put("rlike-fn", c -> rlike(c, lit("^[a-z]")));
    fns.put("split", c -> split(c, ","));
    fns.put("split-limit", c -> split(c, ",", 2));
    fns.put("split-regex", c -> split(c, "[0-9]+"));
    fns.put("ascii", c -> ascii(c));
    fns.put("base64", c -> base64(c.cast("binary")));
    fns.put("unbase64-roundtrip", c -> unbase64(base64(c.cast("binary"))).cast("string"));
    fns.put("hex", c -> hex(c));
    fns.put("format-string", c -> format_string("<%s|%5s>", c, c));
    fns.put("overlay", c -> overlay(c, lit("ZZ"), lit(2)));
    fns.put("soundex", c -> soundex(c));
    fns.put("levenshtein", c -> levenshtein(c, lit("spark")));
    fns.put("startswith-fn", c -> startswith(c, lit("sp")));
    fns.put("endswith-fn", c -> endswith(c, lit("45")));
    fns.put("contains-fn", c -> contains(c, lit("o")));
    fns.put("substring-index", c -> substring_index(c, ",", 2));
    fns.put("substring-index-neg", c -> substring_index(c, ",", -1));
    fns.put("find-in-set", c -> find_in_set(lit("sql"), c));
    fns.put("replace", c -> replace(c, lit("l"), lit("L")));
    fns.put("btrim", c -> btrim(c));
    fns.put("lcase-ucase", c -> concat(lcase(c), ucase(c)));
    fns.put("bit-length", c -> bit_length(c));
    fns.put("split-part", c -> split_part(c, lit(","), lit(2)));
    fns.put("like-fn", c -> like(c, lit("%l%")));
    for (Map.Entry<String, Function<Column, Column>> fn : fns.entrySet()) {
      b.rows(
          fn.getKey(),
          fn.getKey() + " over texts.s",
          sp -> texts(sp).select(col("k"), fn.getValue().apply(col("s"))));
    }
    b.rows(
        "concat-null",
        "concat with a null argument is null",
        sp -> people(sp).select(concat(col("name"), col("dept"))));
    b.rows(
        "concat-ws-skips-null",
        "concat_ws skips nulls",
        sp -> people(sp).select(concat_ws("/", col("name"), col("dept"))));
    b.rows(
        "concat-int",
        "concat casts numbers to strings",
        sp -> people(sp).select(concat(col("name"), col("age"))));
    b.rows(
        "format-number",
        "format_number with grouping",
        sp -> people(sp).select(format_number(col("salary"), 1)));
    b.rows(
        "format-string-numbers",
        "format_string with %d and %.2f",
        sp -> people(sp).select(format_string("%d-%.2f", col("id"), col("salary"))));
    b.rows(
        "string-compare",
        "string comparison is binary (case-sensitive)",
        sp -> texts(sp).select(col("s").lt(lit("a")), col("s").equalTo(lit("spark,sql,api"))));
    b.rows(
        "upper-of-int",
        "upper of an int casts to string",
        sp -> people(sp).select(upper(col("id"))));
    b.fails(
        "regexp-invalid",
        "an invalid regular expression",
        "INVALID_PARAMETER_VALUE.PATTERN",
        sp -> texts(sp).select(regexp_replace(col("s"), "([a-z", "x")));
    b.fails(
        "substring-of-array",
        "substring of an array column",
        "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
        sp -> Fixtures.nested(sp).select(substring(col("arr"), 1, 2)));
    b.fails(
        "length-of-map",
        "length of a map column",
        "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
        sp -> Fixtures.nested(sp).select(length(col("m"))));
  }
}
