package dev.forgeline.mock.sql;

import dev.forgeline.mock.catalog.CatalogTable;
import dev.forgeline.mock.catalog.SessionCatalog;
import dev.forgeline.mock.engine.SqlLiterals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser.*;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * DESCRIBE and SHOW commands with Spark's result columns, and the cache commands (which only check
 * that the table exists: the mock keeps every table in memory).
 */
final class Describe {
  private final QueryPlanner planner;
  private final SqlEnv env;
  private final SessionCatalog catalog;

  Describe(QueryPlanner planner) {
    this.planner = planner;
    this.env = planner.env();
    this.catalog = env.catalog();
  }

  private Dataset<Row> result(StructType schema, List<Row> rows) {
    return env.spark().createDataFrame(rows, schema);
  }

  private Dataset<Row> none() {
    return env.spark().createDataFrame(List.of(), new StructType());
  }

  Dataset<Row> run(StatementContext st) {
    if (st instanceof DescribeRelationContext d
        && d.option == null
        && d.partitionSpec() == null
        && d.describeColName() == null
        && d.JSON() == null) {
      List<String> parts = QueryPlanner.parts(d.identifierReference());
      return columns(catalog.require(parts).schema());
    }
    if (st instanceof DescribeQueryContext d) {
      return columns(planner.query(d.query()).schema());
    }
    if (st instanceof ShowTablesContext s) {
      return showTables(s.identifierReference(), s.pattern, "tableName", false);
    }
    if (st instanceof ShowViewsContext s) {
      return showTables(s.identifierReference(), s.pattern, "viewName", true);
    }
    if (st instanceof ShowNamespacesContext s && s.multipartIdentifier() == null) {
      Pattern p = s.pattern == null ? null : like(text(s.pattern));
      List<Row> rows = new ArrayList<>();
      for (String db : catalog.shared().databases()) {
        if (p == null || p.matcher(db).matches()) {
          rows.add(RowFactory.create(db));
        }
      }
      return result(new StructType().add("namespace", DataTypes.StringType, false), rows);
    }
    if (st instanceof ShowColumnsContext s && s.ns == null) {
      List<Row> rows = new ArrayList<>();
      for (StructField f : catalog.require(QueryPlanner.parts(s.table)).schema().fields()) {
        rows.add(RowFactory.create(f.name()));
      }
      return result(new StructType().add("col_name", DataTypes.StringType, false), rows);
    }
    if (st instanceof ShowCurrentNamespaceContext) {
      return result(
          new StructType()
              .add("catalog", DataTypes.StringType, false)
              .add("namespace", DataTypes.StringType, false),
          List.of(RowFactory.create("spark_catalog", catalog.currentDatabase())));
    }
    if (st instanceof ShowTblPropertiesContext s && s.key == null) {
      CatalogTable t = catalog.require(QueryPlanner.parts(s.table));
      List<Row> rows = new ArrayList<>();
      for (Map.Entry<String, String> e : new java.util.TreeMap<>(t.properties()).entrySet()) {
        rows.add(RowFactory.create(e.getKey(), e.getValue()));
      }
      return result(
          new StructType()
              .add("key", DataTypes.StringType, false)
              .add("value", DataTypes.StringType, false),
          rows);
    }
    if (st instanceof CacheTableContext c && c.query() == null && c.options == null) {
      catalog.require(QueryPlanner.parts(c.identifierReference()));
      return none();
    }
    if (st instanceof UncacheTableContext c) {
      if (c.EXISTS() == null) {
        catalog.require(QueryPlanner.parts(c.identifierReference()));
      }
      return none();
    }
    if (st instanceof RefreshTableContext c) {
      catalog.require(QueryPlanner.parts(c.identifierReference()));
      return none();
    }
    if (st instanceof ClearCacheContext) {
      return none();
    }
    throw SqlStatements.unsupported(planner.text(), st);
  }

  private Dataset<Row> columns(StructType schema) {
    List<Row> rows = new ArrayList<>();
    for (StructField f : schema.fields()) {
      String comment = f.getComment().isDefined() ? f.getComment().get() : null;
      rows.add(RowFactory.create(f.name(), f.dataType().simpleString(), comment));
    }
    return result(
        new StructType()
            .add("col_name", DataTypes.StringType, false)
            .add("data_type", DataTypes.StringType, false)
            .add("comment", DataTypes.StringType, true),
        rows);
  }

  private Dataset<Row> showTables(
      IdentifierReferenceContext ns, StringLitContext pattern, String column, boolean viewsOnly) {
    String db =
        ns == null
            ? catalog.currentDatabase()
            : String.join(".", QueryPlanner.parts(ns)).toLowerCase(Locale.ROOT);
    Pattern p = pattern == null ? null : like(text(pattern));
    List<Row> rows = new ArrayList<>();
    List<CatalogTable> tables = new ArrayList<>(catalog.shared().tables(db).values());
    tables.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
    for (CatalogTable t : tables) {
      if ((!viewsOnly || t.isView()) && (p == null || p.matcher(t.name()).matches())) {
        rows.add(RowFactory.create(db, t.name(), false));
      }
    }
    List<CatalogTable> temps = new ArrayList<>(catalog.tempViews().values());
    temps.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
    for (CatalogTable t : temps) {
      if (p == null || p.matcher(t.name()).matches()) {
        rows.add(RowFactory.create("", t.name(), true));
      }
    }
    return result(
        new StructType()
            .add("namespace", DataTypes.StringType, false)
            .add(column, DataTypes.StringType, false)
            .add("isTemporary", DataTypes.BooleanType, false),
        rows);
  }

  private static String text(StringLitContext s) {
    StringBuilder sb = new StringBuilder();
    for (SingleStringLitContext p : s.singleStringLit()) {
      sb.append(SqlLiterals.unquote(p.getText()));
    }
    return sb.toString();
  }

  /** Spark's SHOW pattern: '*' matches anything, '|' separates alternatives, case-insensitive. */
  static Pattern like(String pattern) {
    List<String> alts = new ArrayList<>();
    for (String alt : pattern.split("\\|")) {
      StringBuilder sb = new StringBuilder();
      for (char ch : alt.trim().toCharArray()) {
        sb.append(ch == '*' ? ".*" : Pattern.quote(String.valueOf(ch)));
      }
      alts.add(sb.toString());
    }
    return Pattern.compile(String.join("|", alts), Pattern.CASE_INSENSITIVE);
  }
}
