package dev.forgeline.mock.files;

import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.SessionConf;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * CSV as Spark reads and writes it: header, sep, quote, escape, comment, nullValue, emptyValue,
 * inferSchema, dateFormat, timestampFormat, multiLine, encoding and the parse modes; written with
 * leading and trailing white space trimmed and quotes where a value needs them, as Spark does.
 */
final class CsvFormat implements FileFormat {
  @Override
  public String displayName() {
    return "CSV";
  }

  @Override
  public String extension(Options options) {
    return ".csv";
  }

  private static Charset charset(Options o) {
    return Charset.forName(o.get("encoding", o.get("charset", "UTF-8")));
  }

  private static List<CsvTokenizer.Record> records(Path file, Options o) {
    try {
      String text = Files.readString(file, charset(o));
      return new CsvTokenizer(o).records(text, o.bool("multiLine", false));
    } catch (IOException e) {
      throw FileErrors.io("read", file, e);
    }
  }

  @Override
  public StructType infer(List<Path> files, Options o, SessionConf conf) {
    boolean header = o.bool("header", false);
    boolean inferTypes = o.bool("inferSchema", false);
    TextValues values = new TextValues(o, conf.zone());
    String nullValue = o.get("nullValue", "");
    List<String> names = null;
    List<DataType> types = new ArrayList<>();
    for (Path f : files) {
      List<CsvTokenizer.Record> recs = records(f, o);
      int start = 0;
      if (!recs.isEmpty() && names == null) {
        String[] first = recs.get(0).fields();
        names = header ? headerNames(first, conf.caseSensitive()) : positional(first.length);
      }
      if (header) {
        start = 1;
      }
      for (int r = start; r < recs.size(); r++) {
        String[] fields = recs.get(r).fields();
        for (int i = 0; i < fields.length && i < names.size(); i++) {
          while (types.size() <= i) {
            types.add(DataTypes.NullType);
          }
          String t = fields[i];
          DataType seen =
              !inferTypes
                  ? DataTypes.StringType
                  : t == null || t.equals(nullValue) ? DataTypes.NullType : values.infer(t);
          types.set(i, TextValues.widen(types.get(i), seen));
        }
      }
    }
    if (names == null) {
      return new StructType();
    }
    StructField[] out = new StructField[names.size()];
    for (int i = 0; i < out.length; i++) {
      DataType t = i < types.size() ? types.get(i) : DataTypes.StringType;
      out[i] =
          DataTypes.createStructField(
              names.get(i), t instanceof NullType ? DataTypes.StringType : t, true);
    }
    return new StructType(out);
  }

  private static List<String> positional(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("_c" + i);
    }
    return out;
  }

  /** Header names: empty ones become _c{i}, duplicates get their index appended (Spark's rule). */
  private static List<String> headerNames(String[] header, boolean caseSensitive) {
    Map<String, Integer> counts = new HashMap<>();
    for (String h : header) {
      if (h != null && !h.isEmpty()) {
        counts.merge(caseSensitive ? h : h.toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < header.length; i++) {
      String h = header[i];
      if (h == null || h.isEmpty()) {
        out.add("_c" + i);
      } else if (counts.get(caseSensitive ? h : h.toLowerCase(Locale.ROOT)) > 1) {
        out.add(h + i);
      } else {
        out.add(h);
      }
    }
    return out;
  }

  @Override
  public void read(Path file, StructType schema, Options o, SessionConf conf, Records records) {
    TextValues values = new TextValues(o, conf.zone());
    String nullValue = o.get("nullValue", "");
    List<CsvTokenizer.Record> recs = records(file, o);
    int corrupt = records.corruptIndex();
    int width = schema.fields().length;
    int dataWidth = corrupt >= 0 ? width - 1 : width;
    for (int r = o.bool("header", false) ? 1 : 0; r < recs.size(); r++) {
      CsvTokenizer.Record rec = recs.get(r);
      String[] tokens = rec.fields();
      Object[] row = new Object[width];
      boolean bad = tokens.length != dataWidth;
      int t = 0;
      for (int i = 0; i < width; i++) {
        if (i == corrupt) {
          continue;
        }
        String token = t < tokens.length ? tokens[t] : null;
        t++;
        if (token == null || token.equals(nullValue)) {
          continue;
        }
        try {
          row[i] = values.parse(token, schema.fields()[i].dataType());
        } catch (TextValues.BadValue e) {
          bad = true;
        }
      }
      if (bad) {
        records.malformed(row, rec.raw(), file, width);
      } else {
        records.good(row);
      }
    }
  }

  @Override
  public void write(
      Path file, List<Field> fields, List<Object[]> rows, Options o, SessionConf conf) {
    CsvWriter w = new CsvWriter(o, conf.zone());
    StringBuilder sb = new StringBuilder();
    if (o.bool("header", false)) {
      String[] names = new String[fields.size()];
      for (int i = 0; i < names.length; i++) {
        names[i] = fields.get(i).name();
      }
      w.line(sb, names);
    }
    for (Object[] row : rows) {
      String[] cells = new String[fields.size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = w.render(row[i], fields.get(i).type());
      }
      w.line(sb, cells);
    }
    try {
      Files.writeString(file, sb, charset(o));
    } catch (IOException e) {
      throw FileErrors.io("write", file, e);
    }
  }
}
