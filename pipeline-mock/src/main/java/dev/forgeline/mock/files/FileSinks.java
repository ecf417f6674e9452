package dev.forgeline.mock.files;

import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.SessionConf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.SaveMode;

/**
 * Writes a relation as csv, json, text or parquet files in Spark's layout: a directory of {@code
 * part-00000-<uuid>-c000<ext>} files, one per partition directory ({@code key=value}, nested in
 * {@code partitionBy} order, the partition columns left out of the files), and a {@code _SUCCESS}
 * marker. Save modes as in Spark: errorIfExists fails on an existing path, ignore does nothing
 * there, overwrite replaces what is under it, append adds files.
 */
public final class FileSinks {
  private FileSinks() {}

  /**
   * A part file one write produced.
   *
   * @param path the file, relative to the written root
   * @param partitionValues partition column to its value as text (null for null), in order
   * @param rows the number of rows in the file
   * @param bytes the file size
   */
  public record Written(Path path, Map<String, String> partitionValues, long rows, long bytes) {}

  /**
   * Writes {@code data} to {@code path}.
   *
   * @return the part files written, or an empty list when ignored
   */
  public static List<Written> write(
      Relation data,
      String format,
      SaveMode mode,
      Map<String, String> options,
      List<String> partitionBy,
      String path,
      SessionConf conf) {
    FileFormat f = FileSources.format(format);
    Path root = DataFiles.local(path);
    boolean exists = Files.exists(root);
    if (exists) {
      switch (mode) {
        case ErrorIfExists:
          throw FileErrors.pathAlreadyExists(root);
        case Ignore:
          return List.of();
        case Overwrite:
          deleteContents(root);
          break;
        default:
          break;
      }
    }
    List<Written> written = writeParts(data, f, options, partitionBy, root, conf);
    try {
      Files.write(root.resolve("_SUCCESS"), new byte[0]);
    } catch (IOException e) {
      throw FileErrors.io("write", root.resolve("_SUCCESS"), e);
    }
    return written;
  }

  /** Writes the part files of {@code data} under {@code root}; used by Delta for its data files. */
  public static List<Written> writeParts(
      Relation data,
      String format,
      Map<String, String> options,
      List<String> partitionBy,
      Path root,
      SessionConf conf) {
    return writeParts(data, FileSources.format(format), options, partitionBy, root, conf);
  }

  private static List<Written> writeParts(
      Relation data,
      FileFormat f,
      Map<String, String> options,
      List<String> partitionBy,
      Path root,
      SessionConf conf) {
    Options o = Options.of(options);
    List<Field> fields = data.fields();
    int[] partIdx = partitionIndexes(fields, partitionBy, conf.caseSensitive());
    List<Field> dataFields = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      final int k = i;
      if (java.util.Arrays.stream(partIdx).noneMatch(p -> p == k)) {
        dataFields.add(fields.get(i));
      }
    }
    Map<Path, List<Object[]>> groups = new LinkedHashMap<>();
    Map<Path, Map<String, String>> values = new LinkedHashMap<>();
    for (Object[] row : data.rows()) {
      Path dir = Path.of("");
      Map<String, String> pv = new LinkedHashMap<>();
      for (int p : partIdx) {
        Field pf = fields.get(p);
        dir = dir.resolve(PartitionPaths.directory(pf.name(), row[p], pf.type(), conf.zone()));
        pv.put(pf.name(), PartitionPaths.text(row[p], pf.type(), conf.zone()));
      }
      values.putIfAbsent(dir, pv);
      Object[] out = new Object[dataFields.size()];
      int j = 0;
      for (int i = 0; i < row.length; i++) {
        final int k = i;
        if (java.util.Arrays.stream(partIdx).noneMatch(p -> p == k)) {
          out[j++] = row[i];
        }
      }
      groups.computeIfAbsent(dir, d -> new ArrayList<>()).add(out);
    }
    if (groups.isEmpty() && partIdx.length == 0) {
      groups.put(Path.of(""), List.of());
    }
    String job = UUID.randomUUID().toString();
    List<Written> written = new ArrayList<>();
    try {
      Files.createDirectories(root);
      for (Map.Entry<Path, List<Object[]>> g : groups.entrySet()) {
        Path dir = root.resolve(g.getKey());
        Files.createDirectories(dir);
        String name = "part-00000-" + job + ".c000" + f.extension(o);
        if (partIdx.length == 0) {
          name = "part-00000-" + job + "-c000" + f.extension(o);
        }
        Path file = dir.resolve(name);
        f.write(file, dataFields, g.getValue(), o, conf);
        written.add(
            new Written(
                g.getKey().resolve(name),
                values.getOrDefault(g.getKey(), Map.of()),
                g.getValue().size(),
                Files.size(file)));
      }
    } catch (IOException e) {
      throw FileErrors.io("write", root, e);
    }
    return written;
  }

  private static int[] partitionIndexes(
      List<Field> fields, List<String> partitionBy, boolean caseSensitive) {
    int[] out = new int[partitionBy.size()];
    for (int k = 0; k < out.length; k++) {
      String name = partitionBy.get(k);
      out[k] = -1;
      for (int i = 0; i < fields.size(); i++) {
        String f = fields.get(i).name();
        if (caseSensitive ? f.equals(name) : f.equalsIgnoreCase(name)) {
          out[k] = i;
        }
      }
      if (out[k] < 0) {
        throw Errors.analysis(
            "_LEGACY_ERROR_TEMP_1196",
            "columnType",
            "Partition",
            "columnName",
            name,
            "validColumnNames",
            String.join(", ", fields.stream().map(Field::name).toList()));
      }
    }
    if (out.length > 0 && out.length == fields.size()) {
      throw Errors.analysis("ALL_PARTITION_COLUMNS_NOT_ALLOWED");
    }
    return out;
  }

  /** Deletes everything under {@code root}, keeping the directory. */
  public static void deleteContents(Path root) {
    if (!Files.isDirectory(root)) {
      try {
        Files.deleteIfExists(root);
      } catch (IOException e) {
        throw FileErrors.io("delete", root, e);
      }
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(root)) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw FileErrors.io("overwrite", root, e);
    }
  }

  /** The lower-case format name, {@code parquet} when none was set (Spark's default source). */
  public static String formatName(String source) {
    return source == null || source.isBlank() ? "parquet" : source.toLowerCase(Locale.ROOT);
  }
}
