package dev.forgeline.mock.catalog;

import static org.apache.spark.sql.functions.col;

import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reading and writing managed tables: {@code table()}, {@code saveAsTable}, {@code insertInto},
 * {@code INSERT INTO / OVERWRITE} and {@code CREATE TABLE AS SELECT}. Rows written to a table are
 * cast to its column types under Spark's ANSI store assignment and its columns become nullable, as
 * a file-backed Spark table reads them back. Each write is one atomic catalog update.
 */
public final class Tables {
  private final SessionCatalog catalog;
  private final Frames frames;

  /**
   * Table access for one session.
   *
   * @param catalog the session's catalog
   * @param frames the session's frames
   */
  public Tables(SessionCatalog catalog, Frames frames) {
    this.catalog = catalog;
    this.frames = frames;
  }

  /** The frame a table or view name reads, its columns qualified by the last name part. */
  public Dataset<Row> read(List<String> parts) {
    CatalogTable t = catalog.require(parts);
    Relation r = t.viewText() != null ? frames.unwrap(frames.runView(t.viewText())) : t.data();
    return frames.wrap(r.withQualifier(parts.get(parts.size() - 1)));
  }

  /** {@code df.write().mode(mode).saveAsTable(name)}. */
  public void saveAsTable(String name, Dataset<Row> data, SaveMode mode, String provider) {
    SessionCatalog.Ident id = catalog.qualify(SessionCatalog.parts(name));
    CatalogTable existing = catalog.shared().get(id.database(), id.name());
    if (existing != null) {
      switch (mode) {
        case ErrorIfExists:
          throw Errors.analysis(
              "TABLE_OR_VIEW_ALREADY_EXISTS",
              "relationName",
              SharedCatalog.quoteDb(id.database()) + ".`" + id.name() + "`");
        case Ignore:
          return;
        case Append:
          append(id, data, false, true);
          return;
        default:
          break;
      }
    }
    create(id, data, provider, existing != null);
  }

  /** Creates (or replaces) a managed table holding {@code data}. */
  public void create(SessionCatalog.Ident id, Dataset<Row> data, String provider, boolean replace) {
    Relation stored = nullable(frames.unwrap(data));
    catalog
        .shared()
        .create(CatalogTable.table(id.database(), id.name(), stored, provider), replace, false);
  }

  /** {@code insertInto} and {@code INSERT}: by position, or by name when {@code byName}. */
  public void insert(List<String> parts, Dataset<Row> data, boolean overwrite, boolean byName) {
    CatalogTable t = catalog.require(parts);
    if (t.isView()) {
      throw Errors.analysis(
          "EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE",
          "viewName",
          dev.forgeline.mock.engine.Names.quoteParts(parts),
          "operation",
          "INSERT");
    }
    append(new SessionCatalog.Ident(t.database(), t.name()), data, overwrite, byName);
  }

  private void append(
      SessionCatalog.Ident id, Dataset<Row> data, boolean overwrite, boolean byName) {
    catalog
        .shared()
        .update(
            id.database(),
            id.name(),
            old -> {
              Relation cast = frames.unwrap(conform(old, data, byName));
              Relation rows =
                  overwrite
                      ? Relation.of(old.fields(), cast.rows())
                      : Relation.of(old.fields(), concat(old.data().rows(), cast.rows()));
              return old.withData(rows);
            });
  }

  /**
   * Replaces the rows of a table that match {@code condition} by {@code data} (matched to the
   * table's columns by name), as {@code writeTo(t).overwrite(condition)} does on a Delta table;
   * when a new row does not match the condition nothing is written and {@code mismatch} is thrown.
   */
  public void overwriteWhere(
      List<String> parts,
      Dataset<Row> data,
      Column condition,
      java.util.function.Supplier<RuntimeException> mismatch) {
    CatalogTable t = catalog.require(parts);
    Column outside = functions.not(condition).or(condition.isNull());
    catalog
        .shared()
        .update(
            t.database(),
            t.name(),
            old -> {
              Dataset<Row> fresh = conform(old, data, true);
              if (!fresh.filter(outside).isEmpty()) {
                throw mismatch.get();
              }
              Relation kept = frames.unwrap(frames.wrap(old.data()).filter(outside));
              Relation cast = frames.unwrap(fresh);
              return old.withData(Relation.of(old.fields(), concat(kept.rows(), cast.rows())));
            });
  }

  private static List<Object[]> concat(List<Object[]> a, List<Object[]> b) {
    List<Object[]> out = new ArrayList<>(a.size() + b.size());
    out.addAll(a);
    out.addAll(b);
    return out;
  }

  /** The data cast to the table's columns, by position or by name, as Spark's store assignment. */
  private Dataset<Row> conform(CatalogTable table, Dataset<Row> data, boolean byName) {
    List<Field> target = table.fields();
    StructField[] source = data.schema().fields();
    String tableName =
        "`" + SharedCatalog.CATALOG + "`.`" + table.database() + "`.`" + table.name() + "`";
    if (!byName && source.length != target.size()) {
      throw Errors.analysis(
          source.length > target.size()
              ? "INSERT_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS"
              : "INSERT_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS",
          "tableName",
          tableName,
          "tableColumns",
          quoted(target),
          "dataColumns",
          quotedSource(source));
    }
    List<String> unique = new ArrayList<>();
    for (int i = 0; i < source.length; i++) {
      unique.add("_c" + i);
    }
    Dataset<Row> positional = data.toDF(unique.toArray(new String[0]));
    List<Column> out = new ArrayList<>();
    for (int i = 0; i < target.size(); i++) {
      Field f = target.get(i);
      int from = byName ? indexOf(source, f.name()) : i;
      if (from < 0) {
        throw Errors.analysis(
            "INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_FIND_DATA",
            "tableName",
            tableName,
            "colName",
            "`" + f.name() + "`");
      }
      DataType st = source[from].dataType();
      if (!canStoreAssign(st, f.type())) {
        throw Errors.analysis(
            "INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST",
            "tableName",
            tableName,
            "colName",
            "`" + f.name() + "`",
            "srcType",
            "\"" + st.sql() + "\"",
            "targetType",
            "\"" + f.type().sql() + "\"");
      }
      Column c = col("_c" + from);
      out.add((st.equals(f.type()) ? c : c.cast(f.type())).as(f.name()));
    }
    return positional.select(out.toArray(new Column[0]));
  }

  private static int indexOf(StructField[] source, String name) {
    for (int i = 0; i < source.length; i++) {
      if (source[i].name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Spark's ANSI store assignment: which source types may be written to a column type. */
  static boolean canStoreAssign(DataType from, DataType to) {
    if (from.equals(to) || from.equals(DataTypes.NullType)) {
      return true;
    }
    if (Types.isNumeric(from) && Types.isNumeric(to)) {
      return true;
    }
    if (Types.isString(to) && Types.isAtomic(from)) {
      return true;
    }
    if (Types.isDatetime(from) && Types.isDatetime(to)) {
      return true;
    }
    if (from instanceof ArrayType a && to instanceof ArrayType b) {
      return canStoreAssign(a.elementType(), b.elementType());
    }
    if (from instanceof MapType a && to instanceof MapType b) {
      return canStoreAssign(a.keyType(), b.keyType())
          && canStoreAssign(a.valueType(), b.valueType());
    }
    if (from instanceof StructType a && to instanceof StructType b) {
      if (a.fields().length != b.fields().length) {
        return false;
      }
      for (int i = 0; i < a.fields().length; i++) {
        if (!canStoreAssign(a.fields()[i].dataType(), b.fields()[i].dataType())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static String quoted(List<Field> fields) {
    List<String> names = new ArrayList<>();
    for (Field f : fields) {
      names.add("`" + f.name() + "`");
    }
    return String.join(", ", names);
  }

  private static String quotedSource(StructField[] fields) {
    List<String> names = new ArrayList<>();
    for (StructField f : fields) {
      names.add("`" + f.name() + "`");
    }
    return String.join(", ", names);
  }

  /** A relation whose columns (and nested fields) are all nullable, as file tables read back. */
  public static Relation nullable(Relation r) {
    List<Field> out = new ArrayList<>();
    for (Field f : r.fields()) {
      out.add(Field.of(f.name(), nullable(f.type()), true));
    }
    return Relation.of(out, r.rows());
  }

  /** A type with every nested field and element nullable. */
  public static DataType nullable(DataType t) {
    if (t instanceof StructType s) {
      StructField[] fs = new StructField[s.fields().length];
      for (int i = 0; i < fs.length; i++) {
        StructField f = s.fields()[i];
        fs[i] = new StructField(f.name(), nullable(f.dataType()), true, f.metadata());
      }
      return new StructType(fs);
    }
    if (t instanceof ArrayType a) {
      return DataTypes.createArrayType(nullable(a.elementType()), true);
    }
    if (t instanceof MapType m) {
      return DataTypes.createMapType(nullable(m.keyType()), nullable(m.valueType()), true);
    }
    return t;
  }
}
