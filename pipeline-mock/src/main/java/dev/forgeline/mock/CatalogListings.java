package dev.forgeline.mock;

import dev.forgeline.mock.catalog.CatalogTable;
import dev.forgeline.mock.catalog.SessionCatalog;
import dev.forgeline.mock.catalog.SharedCatalog;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.Scala;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.catalog.Column;
import org.apache.spark.sql.catalog.Database;
import org.apache.spark.sql.catalog.Table;
import org.apache.spark.sql.catalyst.encoders.AgnosticEncoder;
import org.apache.spark.sql.catalyst.encoders.AgnosticEncoders;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;

/**
 * The list methods of {@code spark.catalog()}: databases, tables and views, and a table's columns,
 * as typed Datasets of Spark's catalog records with the columns Spark gives them. Patterns follow
 * Spark's: alternatives separated by {@code |}, {@code *} for any text, case-insensitive.
 */
final class CatalogListings {
  private final MockSparkSession session;

  CatalogListings(MockSparkSession session) {
    this.session = session;
  }

  private record Col(String name, AgnosticEncoder<?> enc, DataType type, boolean nullable) {}

  private static final AgnosticEncoder<?> STRING = AgnosticEncoders.StringEncoder$.MODULE$;
  private static final AgnosticEncoder<?> BOOLEAN =
      AgnosticEncoders.PrimitiveBooleanEncoder$.MODULE$;

  private static Col string(String name) {
    return new Col(name, STRING, DataTypes.StringType, true);
  }

  private static Col bool(String name) {
    return new Col(name, BOOLEAN, DataTypes.BooleanType, false);
  }

  private static final List<Col> DATABASE =
      List.of(string("name"), string("catalog"), string("description"), string("locationUri"));

  private static final List<Col> TABLE =
      List.of(
          string("name"),
          string("catalog"),
          new Col(
              "namespace",
              new AgnosticEncoders.ArrayEncoder<>(STRING, true),
              DataTypes.createArrayType(DataTypes.StringType, true),
              true),
          string("description"),
          string("tableType"),
          bool("isTemporary"));

  private static final List<Col> COLUMN =
      List.of(
          string("name"),
          string("description"),
          string("dataType"),
          bool("nullable"),
          bool("isPartition"),
          bool("isBucket"),
          bool("isCluster"));

  private <T> Dataset<T> frame(Class<T> type, List<Col> cols, List<Object[]> rows) {
    List<AgnosticEncoders.EncoderField> fields = new ArrayList<>();
    List<Field> schema = new ArrayList<>();
    for (Col c : cols) {
      fields.add(
          new AgnosticEncoders.EncoderField(
              c.name(),
              c.enc(),
              c.nullable(),
              Metadata.empty(),
              scala.Option.empty(),
              scala.Option.empty()));
      schema.add(Field.of(c.name(), c.type(), c.nullable()));
    }
    AgnosticEncoder<T> enc =
        new AgnosticEncoders.ProductEncoder<>(
            scala.reflect.ClassTag$.MODULE$.apply(type), Scala.seq(fields), scala.Option.empty());
    return session.wrap(Relation.of(schema, rows), enc);
  }

  /** Whether {@code name} matches one of the alternatives of Spark's catalog pattern. */
  static boolean matches(String pattern, String name) {
    if (pattern == null) {
      return true;
    }
    for (String alt : pattern.trim().split("\\|")) {
      StringBuilder regex = new StringBuilder();
      for (char ch : alt.trim().toCharArray()) {
        regex.append(ch == '*' ? ".*" : Pattern.quote(String.valueOf(ch)));
      }
      if (Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  Dataset<Database> databases(String pattern) {
    SharedCatalog shared = session.sessionCatalog().shared();
    List<Object[]> rows = new ArrayList<>();
    for (String db : shared.databases()) {
      if (matches(pattern, db)) {
        String comment = shared.comment(db);
        rows.add(
            new Object[] {
              db, SharedCatalog.CATALOG, comment == null ? "" : comment, "memory:/" + db
            });
      }
    }
    return frame(Database.class, DATABASE, rows);
  }

  Dataset<Table> tables(String database, String pattern) {
    SessionCatalog catalog = session.sessionCatalog();
    String db = database == null ? catalog.currentDatabase() : database;
    List<Object[]> rows = new ArrayList<>();
    Map<String, CatalogTable> entries;
    if (db.equalsIgnoreCase(SharedCatalog.GLOBAL_TEMP)) {
      entries = catalog.shared().globalTemp();
    } else {
      if (!catalog.shared().databaseExists(db)) {
        throw Errors.analysis(
            "SCHEMA_NOT_FOUND", "schemaName", "`" + SharedCatalog.CATALOG + "`.`" + db + "`");
      }
      entries = catalog.shared().tables(db);
    }
    for (CatalogTable t : entries.values()) {
      if (matches(pattern, t.name())) {
        boolean global = t.kind() == CatalogTable.Kind.TEMPORARY;
        rows.add(
            new Object[] {
              t.name(),
              global ? null : SharedCatalog.CATALOG,
              List.of(global ? SharedCatalog.GLOBAL_TEMP : t.database()),
              t.comment(),
              global ? "TEMPORARY" : t.isView() ? "VIEW" : "MANAGED",
              global
            });
      }
    }
    for (CatalogTable v : catalog.tempViews().values()) {
      if (matches(pattern, v.name())) {
        rows.add(new Object[] {v.name(), null, List.of(), null, "TEMPORARY", true});
      }
    }
    return frame(Table.class, TABLE, rows);
  }

  Dataset<Column> columns(List<String> parts) {
    CatalogTable t = session.sessionCatalog().require(parts);
    List<Object[]> rows = new ArrayList<>();
    for (Field f : t.fields()) {
      rows.add(
          new Object[] {
            f.name(),
            null,
            f.type().catalogString().toLowerCase(Locale.ROOT),
            f.nullable(),
            false,
            false,
            false
          });
    }
    return frame(Column.class, COLUMN, rows);
  }
}
