package dev.forgeline.mock.files;

import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.SessionConf;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Parquet through parquet-java, the library Spark uses: files carry Spark's schema in their footer
 * as Spark's own writer does, so real Spark reads the exact types back; files without it (other
 * writers) are mapped from their Parquet schema. Compression follows the {@code compression} option
 * (snappy by default, as in Spark).
 */
final class ParquetFormat implements FileFormat {
  @Override
  public String displayName() {
    return "Parquet";
  }

  @Override
  public String extension(Options options) {
    CompressionCodecName codec = codec(options);
    return codec == CompressionCodecName.UNCOMPRESSED
        ? ".parquet"
        : "." + codec.name().toLowerCase(Locale.ROOT) + ".parquet";
  }

  private static CompressionCodecName codec(Options o) {
    String c = o.get("compression", o.get("parquet.compression", "snappy"));
    return c.equalsIgnoreCase("none")
        ? CompressionCodecName.UNCOMPRESSED
        : CompressionCodecName.valueOf(c.toUpperCase(Locale.ROOT));
  }

  /** The Spark schema of one file: from Spark's footer entry when present. */
  static StructType schemaOf(Path file) {
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
      Map<String, String> meta = r.getFooter().getFileMetaData().getKeyValueMetaData();
      String json = meta.get(ParquetSchemas.SPARK_SCHEMA_KEY);
      if (json != null) {
        return ((StructType) DataType.fromJson(json)).asNullable();
      }
      return ParquetSchemas.toSpark(r.getFooter().getFileMetaData().getSchema());
    } catch (IOException | RuntimeException e) {
      throw FileErrors.io("read the footer of", file, e);
    }
  }

  @Override
  public StructType infer(List<Path> files, Options o, SessionConf conf) {
    if (files.isEmpty()) {
      return null;
    }
    if (!o.bool("mergeSchema", false)) {
      return schemaOf(files.get(0));
    }
    StructType merged = new StructType();
    for (Path f : files) {
      for (StructField field : schemaOf(f).fields()) {
        if (!java.util.Arrays.asList(merged.fieldNames()).contains(field.name())) {
          merged = merged.add(field);
        }
      }
    }
    return merged;
  }

  @Override
  public void read(Path file, StructType schema, Options o, SessionConf conf, Records records) {
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
      MessageType fileSchema = r.getFooter().getFileMetaData().getSchema();
      int[] index = new int[schema.length()];
      for (int i = 0; i < index.length; i++) {
        String name = schema.fields()[i].name();
        index[i] = fileSchema.containsField(name) ? fileSchema.getFieldIndex(name) : -1;
      }
      PageReadStore pages;
      while ((pages = r.readNextRowGroup()) != null) {
        RecordReader<Group> reader =
            new ColumnIOFactory()
                .getColumnIO(fileSchema)
                .getRecordReader(pages, new GroupRecordConverter(fileSchema));
        for (long n = 0; n < pages.getRowCount(); n++) {
          Group g = reader.read();
          Object[] row = new Object[index.length];
          for (int i = 0; i < index.length; i++) {
            if (index[i] >= 0) {
              row[i] =
                  ParquetRows.read(
                      g, index[i], fileSchema.getType(index[i]), schema.fields()[i].dataType());
            }
          }
          records.good(row);
        }
      }
    } catch (IOException e) {
      throw FileErrors.io("read", file, e);
    }
  }

  @Override
  public void write(
      Path file, List<Field> fields, List<Object[]> rows, Options o, SessionConf conf) {
    StructType schema = new StructType();
    for (Field f : fields) {
      schema = schema.add(f.toStructField());
    }
    MessageType message = ParquetSchemas.toParquet(schema);
    Map<String, String> footer =
        Map.of(ParquetSchemas.SPARK_SCHEMA_KEY, schema.json(), "org.apache.spark.version", "4.1.3");
    WriteSupport<Object[]> support = new ParquetRows.RowWriteSupport(schema, message, footer);
    try (ParquetWriter<Object[]> w =
        new Builder(new LocalOutputFile(file), support)
            .withConf(new PlainParquetConfiguration())
            .withCompressionCodec(codec(o))
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .build()) {
      for (Object[] row : rows) {
        w.write(row);
      }
    } catch (IOException e) {
      throw FileErrors.io("write", file, e);
    }
  }

  private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
    private final WriteSupport<Object[]> support;

    Builder(OutputFile file, WriteSupport<Object[]> support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    @SuppressWarnings("deprecation") // abstract in parquet-java 1.16, so it must be implemented
    protected WriteSupport<Object[]> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
      return support;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(
        org.apache.parquet.conf.ParquetConfiguration conf) {
      return support;
    }
  }
}
