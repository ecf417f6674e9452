package dev.forgeline.core.internal.cache;

import com.google.inject.TypeLiteral;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Cache entries that refer to a Delta table's version: its newest version, and reading one. */
final class DeltaVersions {
  private static final Pattern COMMIT = Pattern.compile("/_delta_log/(\\d{20})\\.json\\|");

  private DeltaVersions() {}

  /** {@code table} as an absolute location, so another process (another directory) finds it. */
  static String absolute(String table) {
    Path local = FileStats.localPath(table);
    return local == null ? table : local.toAbsolutePath().normalize().toString();
  }

  /** The newest committed version of the table at {@code location}, or -1 when it has none. */
  static long newest(String location, SparkSession spark) throws IOException {
    long newest = -1;
    for (String line : FileStats.list(location + "/_delta_log", spark)) {
      Matcher m = COMMIT.matcher(line.replace('\\', '/'));
      if (m.find()) {
        newest = Math.max(newest, Long.parseLong(m.group(1)));
      }
    }
    return newest;
  }

  /** The rows of {@code ref}'s version, typed as the step's output. */
  static Object read(EntryMeta.DeltaRef ref, TypeLiteral<?> type, SparkSession spark) {
    Dataset<Row> rows =
        spark.read().format("delta").option("versionAsOf", ref.version()).load(ref.location());
    return Encoding.typed(rows, type);
  }
}
