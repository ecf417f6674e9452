package dev.forgeline.mock.files;

import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.SessionConf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/** Text files: one string column {@code value}, a row per line or (wholetext) per file. */
final class TextFormat implements FileFormat {
  @Override
  public String displayName() {
    return "Text";
  }

  @Override
  public String extension(Options options) {
    return ".txt";
  }

  @Override
  public StructType infer(List<Path> files, Options options, SessionConf conf) {
    return new StructType().add("value", DataTypes.StringType, true);
  }

  @Override
  public void read(Path file, StructType schema, Options o, SessionConf conf, Records records) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw FileErrors.io("read", file, e);
    }
    if (o.bool("wholetext", false)) {
      records.good(new Object[] {text});
      return;
    }
    String sep = o.get("lineSep", null);
    String[] lines = text.split(sep == null ? "\r?\n" : Pattern.quote(sep), -1);
    int n = lines.length;
    if (n > 0 && lines[n - 1].isEmpty()) {
      n--;
    }
    for (int i = 0; i < n; i++) {
      records.good(new Object[] {lines[i]});
    }
  }

  @Override
  public void write(
      Path file, List<Field> fields, List<Object[]> rows, Options o, SessionConf conf) {
    for (Field f : fields) {
      if (!(f.type() instanceof StringType)) {
        throw Errors.analysis(
            "UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE",
            "columnName",
            "`" + f.name() + "`",
            "columnType",
            Errors.sqlType(f.type()),
            "format",
            "Text");
      }
    }
    if (fields.size() != 1) {
      throw Errors.analysis("_LEGACY_ERROR_TEMP_1290", "schemaSize", String.valueOf(fields.size()));
    }
    String sep = o.get("lineSep", "\n");
    StringBuilder sb = new StringBuilder();
    for (Object[] row : rows) {
      if (row[0] != null) {
        sb.append((String) row[0]);
      }
      sb.append(sep);
    }
    try {
      Files.writeString(file, sb);
    } catch (IOException e) {
      throw FileErrors.io("write", file, e);
    }
  }
}
