package dev.forgeline.mock.kit;

import static dev.forgeline.mock.kit.KitFiles.file;

import java.nio.file.Path;

/**
 * CSV reading cases: header, inference, separators, quoting, null values, schemas, the parse modes
 * with and without a corrupt record column, multi-line records, comments, directories and globs.
 */
final class CsvCases {
  private static final String PEOPLE =
      "id,name,age,joined,score,active\n"
          + "1,Ann,34,2024-01-15,5.5,true\n"
          + "2,Bob,,2023-12-31,4.0,false\n"
          + "3,Cid,29,2024-02-29,,true\n";

  private CsvCases() {}

  static void addTo(CaseBook book) {
    CaseBook b = book.area("files-csv");
    b.rows(
        "header-strings",
        "header=true without inference reads every column as string",
        sp -> sp.read().option("header", "true").csv(file("p.csv", PEOPLE)));
    b.rows(
        "no-header",
        "without a header the columns are _c0, _c1 ... and the header line is data",
        sp -> sp.read().csv(file("p.csv", PEOPLE)));
    b.rows(
        "infer-types",
        "inferSchema gives int, date, double and boolean columns",
        sp ->
            sp.read()
                .option("header", "true")
                .option("inferSchema", "true")
                .csv(file("p.csv", PEOPLE)));
    b.rows(
        "infer-long-and-decimal",
        "integers beyond int infer as bigint, beyond bigint as decimal",
        sp ->
            sp.read()
                .option("inferSchema", "true")
                .csv(file("n.csv", "1,3000000000,123456789012345678901234\n2,5,6\n")));
    b.rows(
        "infer-mixed-widens",
        "an int column with a double value widens to double, with a word to string",
        sp ->
            sp.read()
                .option("inferSchema", "true")
                .csv(file("n.csv", "1,1,2024-01-01\n2.5,x,2024-01-02 10:00:00\n")));
    b.rows(
        "infer-timestamp",
        "timestamps infer as timestamp",
        sp ->
            sp.read()
                .option("inferSchema", "true")
                .option("header", "true")
                .csv(file("t.csv", "ts\n2024-01-01 10:00:00\n2024-06-30 23:59:59.5\n")));
    b.rows(
        "sep-semicolon",
        "sep=; splits on semicolons",
        sp -> sp.read().option("sep", ";").csv(file("s.csv", "a;b,c;d\n1;2,3;4\n")));
    b.rows(
        "sep-tab",
        "sep=\\t splits on tabs",
        sp ->
            sp.read()
                .option("sep", "\t")
                .option("header", "true")
                .csv(file("s.tsv", "a\tb\nx\ty\n")));
    b.rows(
        "quoted-commas",
        "a quoted field keeps its commas",
        sp -> sp.read().csv(file("q.csv", "1,\"a,b\",c\n2,\"x\",\"\"\n")));
    b.rows(
        "escaped-quotes",
        "backslash-escaped quotes inside a quoted field",
        sp -> sp.read().csv(file("q.csv", "1,\"say \\\"hi\\\"\"\n")));
    b.rows(
        "custom-quote",
        "quote=' quotes with single quotes",
        sp -> sp.read().option("quote", "'").csv(file("q.csv", "1,'a,b'\n2,'c'\n")));
    b.rows(
        "null-value",
        "nullValue=NA reads NA as null",
        sp ->
            sp.read()
                .option("nullValue", "NA")
                .option("inferSchema", "true")
                .csv(file("n.csv", "1,NA\n2,3\nNA,4\n")));
    b.rows(
        "empty-fields-null",
        "empty fields are null",
        sp -> sp.read().csv(file("e.csv", "a,,c\n,,\n")));
    b.rows(
        "schema-ddl",
        "a DDL schema names and types the columns",
        sp ->
            sp.read()
                .schema("id INT, name STRING, age INT, joined DATE, score DOUBLE, active BOOLEAN")
                .option("header", "true")
                .csv(file("p.csv", PEOPLE)));
    b.rows(
        "schema-decimal",
        "a decimal schema column",
        sp ->
            sp.read().schema("a DECIMAL(10,2), b STRING").csv(file("d.csv", "1.5,x\n12.345,y\n")));
    b.rows(
        "permissive-bad-int",
        "PERMISSIVE turns a field that does not parse into null",
        sp -> sp.read().schema("a INT, b STRING").csv(file("m.csv", "1,x\nzz,y\n3,z\n")));
    b.rows(
        "permissive-corrupt-column",
        "PERMISSIVE puts the bad line in the corrupt record column",
        sp ->
            sp.read()
                .schema("a INT, b STRING, _corrupt_record STRING")
                .csv(file("m.csv", "1,x\nzz,y\n3,z\n")));
    b.rows(
        "permissive-custom-corrupt-name",
        "columnNameOfCorruptRecord names the corrupt column",
        sp ->
            sp.read()
                .schema("a INT, bad STRING, b STRING")
                .option("columnNameOfCorruptRecord", "bad")
                .csv(file("m.csv", "1,x\nzz,y\n")));
    b.rows(
        "permissive-too-few-tokens",
        "a short line fills the missing fields with null",
        sp -> sp.read().schema("a INT, b STRING, c STRING").csv(file("m.csv", "1,x,y\n2,z\n")));
    b.rows(
        "permissive-too-many-tokens",
        "a long line drops the extra fields",
        sp -> sp.read().schema("a INT, b STRING").csv(file("m.csv", "1,x\n2,y,extra\n")));
    b.rows(
        "short-line-corrupt-column",
        "a short line is recorded in the corrupt record column",
        sp ->
            sp.read()
                .schema("a INT, b STRING, c STRING, _corrupt_record STRING")
                .csv(file("m.csv", "1,x,y\n2,z\n")));
    b.rows(
        "dropmalformed",
        "DROPMALFORMED drops lines that do not parse",
        sp ->
            sp.read()
                .schema("a INT, b STRING")
                .option("mode", "DROPMALFORMED")
                .csv(file("m.csv", "1,x\nzz,y\n3,z\n")));
    b.rows(
        "dropmalformed-short-line",
        "DROPMALFORMED drops a line with too few fields",
        sp ->
            sp.read()
                .schema("a INT, b STRING, c STRING")
                .option("mode", "DROPMALFORMED")
                .csv(file("m.csv", "1,x,y\n2,z\n")));
    b.fails(
        "failfast",
        "FAILFAST fails the read on a line that does not parse",
        "FAILED_READ_FILE.NO_HINT",
        sp ->
            sp.read()
                .schema("a INT, b STRING")
                .option("mode", "FAILFAST")
                .csv(file("m.csv", "1,x\nzz,y\n")));
    b.rows(
        "failfast-clean-file",
        "FAILFAST reads a clean file",
        sp ->
            sp.read()
                .schema("a INT, b STRING")
                .option("mode", "FAILFAST")
                .csv(file("m.csv", "1,x\n2,y\n")));
    b.rows(
        "date-format",
        "dateFormat parses dates in another pattern",
        sp ->
            sp.read()
                .schema("d DATE")
                .option("dateFormat", "dd/MM/yyyy")
                .csv(file("d.csv", "15/01/2024\n29/02/2024\n")));
    b.rows(
        "multiline",
        "multiLine reads a quoted field across lines",
        sp ->
            sp.read()
                .option("multiLine", "true")
                .option("header", "true")
                .csv(file("ml.csv", "id,text\n1,\"line one\nline two\"\n2,plain\n")));
    b.rows(
        "comment",
        "comment=# skips comment lines",
        sp -> sp.read().option("comment", "#").csv(file("c.csv", "#note\n1,a\n#more\n2,b\n")));
    b.rows(
        "blank-lines",
        "blank lines are skipped",
        sp -> sp.read().csv(file("b.csv", "1,a\n\n2,b\n\n")));
    b.rows(
        "duplicate-header",
        "duplicate header names get their index appended",
        sp -> sp.read().option("header", "true").csv(file("h.csv", "a,b,a\n1,2,3\n")));
    b.rows(
        "empty-header-name",
        "an empty header name becomes _c{index}",
        sp -> sp.read().option("header", "true").csv(file("h.csv", "a,,c\n1,2,3\n")));
    b.rows(
        "directory",
        "a directory reads every file in it, headers skipped per file",
        sp -> {
          Path d = KitFiles.dir();
          KitFiles.write(d, "a.csv", "x,y\n1,2\n");
          KitFiles.write(d, "b.csv", "x,y\n3,4\n");
          KitFiles.write(d, "_ignored.csv", "x,y\n9,9\n");
          KitFiles.write(d, ".hidden.csv", "x,y\n8,8\n");
          return sp.read().option("header", "true").option("inferSchema", "true").csv(d.toString());
        });
    b.rows(
        "glob",
        "a glob reads the matching files only",
        sp -> {
          Path d = KitFiles.dir();
          KitFiles.write(d, "a.csv", "1\n");
          KitFiles.write(d, "b.csv", "2\n");
          KitFiles.write(d, "c.txt", "3\n");
          return sp.read().csv(d.resolve("*.csv").toString());
        });
    b.rows(
        "several-paths",
        "csv(path, path) reads both",
        sp -> sp.read().csv(file("a.csv", "1\n"), file("b.csv", "2\n")));
    b.fails(
        "missing-path",
        "a missing path fails at load with PATH_NOT_FOUND",
        "PATH_NOT_FOUND",
        sp -> sp.read().csv(KitFiles.fresh("nope.csv")));
    b.fails(
        "missing-glob",
        "a glob matching nothing fails with PATH_NOT_FOUND",
        "PATH_NOT_FOUND",
        sp -> sp.read().csv(KitFiles.dir().resolve("*.csv").toString()));
    b.rows(
        "whitespace-kept",
        "leading and trailing white space is kept on read",
        sp -> sp.read().csv(file("w.csv", " a , b \n")));
  }
}
