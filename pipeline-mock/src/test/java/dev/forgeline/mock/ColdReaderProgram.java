package dev.forgeline.mock;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Run by {@link ReaderColdStartTest} in a JVM of its own: what a disk cache does on the mock (write
 * Parquet, read it back with {@code schema(StructType)}), plus {@code schema(String)} and a
 * rejected VARCHAR, then reports whether Spark's SQLConf and its host lookup (Utils) were loaded.
 * Last, as a control that the check sees a load, it builds a Column, which loads SQLConf in Spark's
 * own code. Prints {@code key=value} lines.
 */
final class ColdReaderProgram {
  private static final String SQL_CONF = "org.apache.spark.sql.internal.SQLConf$";
  private static final String UTILS = "org.apache.spark.util.Utils$";

  private ColdReaderProgram() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    Path dir = Path.of(args[0]);
    SparkSession spark = MockSparkSession.builder().build();
    StructType schema =
        new StructType().add("id", DataTypes.IntegerType).add("name", DataTypes.StringType);
    Dataset<Row> df =
        spark.createDataFrame(
            List.of(RowFactory.create(1, "Ann"), RowFactory.create(2, "Bo")), schema);
    String parquet = dir.resolve("cache").toString();
    df.write().parquet(parquet);
    out.println("parquetRows=" + spark.read().schema(schema).parquet(parquet).collectAsList());
    Path csv = Files.writeString(dir.resolve("p.csv"), "3,Cy\n");
    out.println(
        "csvRows="
            + spark.read().schema("id INT, name STRING").csv(csv.toString()).collectAsList());
    try {
      spark.read().schema("name VARCHAR(3)");
      out.println("varchar=accepted");
    } catch (Exception e) { // AnalysisException is checked in Java, and thrown as Spark does
      out.println("varchar=" + (e instanceof AnalysisException a ? a.getCondition() : e));
    }
    out.println("sqlConfLoaded=" + loaded(SQL_CONF));
    out.println("utilsLoaded=" + loaded(UTILS));
    functions.col("id");
    out.println("sqlConfLoadedAfterColumn=" + loaded(SQL_CONF));
  }

  private static boolean loaded(String name) throws Exception {
    Method find = ClassLoader.class.getDeclaredMethod("findLoadedClass", String.class);
    find.setAccessible(true);
    return find.invoke(ColdReaderProgram.class.getClassLoader(), name) != null;
  }
}
