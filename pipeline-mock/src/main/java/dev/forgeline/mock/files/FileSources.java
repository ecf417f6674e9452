package dev.forgeline.mock.files;

import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.NotSupported;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.SessionConf;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads csv, json, text and parquet files into a relation: the schema is settled at once (given, or
 * inferred from the files, with partition columns discovered from {@code key=value} directories and
 * appended), the rows are read on the first action, as Spark's scans are.
 */
public final class FileSources {
  private FileSources() {}

  /** The format object of a name; parquet only when parquet-java is on the classpath. */
  static FileFormat format(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "csv":
        return new CsvFormat();
      case "json":
        return new JsonFormat();
      case "text":
        return new TextFormat();
      case "parquet":
        return Parquet.format();
      default:
        throw NotSupported.method(
            "the data source format ["
                + name
                + "] (the mock reads and writes csv, json, text, parquet and delta)");
    }
  }

  /**
   * Reads {@code paths} as {@code format}.
   *
   * @param userSchema the schema given with {@code schema(...)}, or null to infer it
   */
  public static Relation read(
      String format,
      Map<String, String> options,
      StructType userSchema,
      List<String> paths,
      SessionConf conf) {
    FileFormat f = format(format);
    Options o = Options.of(options);
    List<DataFiles.Leaf> leaves = DataFiles.list(paths);
    List<Path> files = leaves.stream().map(DataFiles.Leaf::file).toList();
    Map<String, DataType> partitions = partitionTypes(leaves, userSchema, o, conf);
    StructType data;
    if (userSchema != null) {
      data = new StructType();
      for (StructField sf : userSchema.fields()) {
        if (!partitions.containsKey(sf.name())) {
          data = data.add(sf.name(), sf.dataType(), true, sf.metadata());
        }
      }
    } else {
      data = files.isEmpty() ? null : f.infer(files, o, conf);
      if (data == null) {
        throw FileErrors.unableToInferSchema(f.displayName());
      }
    }
    List<Field> fields = new ArrayList<>();
    for (StructField sf : data.fields()) {
      fields.add(Field.of(sf.name(), sf.dataType(), true));
    }
    for (Map.Entry<String, DataType> p : partitions.entrySet()) {
      fields.add(Field.of(p.getKey(), p.getValue(), true));
    }
    StructType readSchema = data;
    return Relation.derived(
        fields, List.of(), () -> rows(f, leaves, readSchema, partitions, o, conf));
  }

  private static Map<String, DataType> partitionTypes(
      List<DataFiles.Leaf> leaves, StructType userSchema, Options o, SessionConf conf) {
    Map<String, DataType> types = new LinkedHashMap<>();
    TextValues values = new TextValues(Options.of(Map.of()), conf.zone());
    boolean infer =
        Boolean.parseBoolean(
            o.get("spark.sql.sources.partitionColumnTypeInference.enabled", "true"));
    for (DataFiles.Leaf leaf : leaves) {
      for (Map.Entry<String, String> e : leaf.partition().entrySet()) {
        DataType t = infer ? PartitionPaths.infer(e.getValue(), values) : DataTypes.StringType;
        types.merge(e.getKey(), t, TextValues::widen);
      }
    }
    types.replaceAll((k, t) -> t instanceof NullType ? DataTypes.StringType : t);
    if (userSchema != null) {
      for (StructField sf : userSchema.fields()) {
        if (types.containsKey(sf.name())) {
          types.put(sf.name(), sf.dataType());
        }
      }
    }
    return types;
  }

  private static List<Object[]> rows(
      FileFormat f,
      List<DataFiles.Leaf> leaves,
      StructType data,
      Map<String, DataType> partitions,
      Options o,
      SessionConf conf) {
    List<Object[]> out = new ArrayList<>();
    TextValues values = new TextValues(Options.of(Map.of()), conf.zone());
    int width = data.length();
    for (DataFiles.Leaf leaf : leaves) {
      Records records = new Records(o.mode(), data, o);
      f.read(leaf.file(), data, o, conf, records);
      Object[] partValues = new Object[partitions.size()];
      int i = 0;
      for (Map.Entry<String, DataType> p : partitions.entrySet()) {
        String raw = leaf.partition().get(p.getKey());
        partValues[i++] = raw == null ? null : partitionValue(raw, p.getValue(), values);
      }
      for (Object[] r : records.rows()) {
        if (partValues.length == 0) {
          out.add(r);
        } else {
          Object[] full = java.util.Arrays.copyOf(r, width + partValues.length);
          System.arraycopy(partValues, 0, full, width, partValues.length);
          out.add(full);
        }
      }
    }
    return out;
  }

  private static Object partitionValue(String raw, DataType type, TextValues values) {
    try {
      return values.parse(raw, type);
    } catch (TextValues.BadValue e) {
      return null;
    }
  }

  /** A path as given to a reader or writer, on the local file system, absolute. */
  public static Path localPath(String path) {
    return DataFiles.local(path);
  }

  /** The rows of one Parquet file, its columns matched to {@code schema} by name. */
  public static List<Object[]> readParquet(Path file, StructType schema, SessionConf conf) {
    Options o = Options.of(Map.of());
    Records records = new Records(ParseMode.FAILFAST, schema, o);
    Parquet.format().read(file, schema, o, conf, records);
    return records.rows();
  }

  /** A partition value written as text (a directory name, a Delta log entry) read as its type. */
  public static Object partitionValue(String raw, DataType type, SessionConf conf) {
    return raw == null
        ? null
        : partitionValue(raw, type, new TextValues(Options.of(Map.of()), conf.zone()));
  }

  /** Parquet's classes load only when a parquet file is touched: the library is optional. */
  static final class Parquet {
    private Parquet() {}

    static FileFormat format() {
      try {
        Class.forName("org.apache.parquet.hadoop.ParquetWriter");
        Class.forName("org.apache.hadoop.conf.Configuration");
      } catch (ClassNotFoundException | LinkageError e) {
        throw NotSupported.method(
            "parquet files without parquet-java on the classpath: add"
                + " org.apache.parquet:parquet-hadoop (and hadoop-client-api, which spark-sql"
                + " brings) to the test classpath");
      }
      return new ParquetFormat();
    }
  }
}
