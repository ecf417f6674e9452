package dev.forgeline.mock.files;

import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.SessionConf;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/** One file format: schema inference, reading one file, writing one part file. */
interface FileFormat {
  /** The name Spark gives the format in messages, for example {@code CSV}. */
  String displayName();

  /** The part file name suffix, for example {@code .csv}. */
  String extension(Options options);

  /** The schema of the files when none was given, or null when there is nothing to infer from. */
  StructType infer(List<Path> files, Options options, SessionConf conf);

  /**
   * The rows of one file in the order of {@code schema}'s fields; malformed records are handled by
   * {@code records} according to the parse mode.
   */
  void read(Path file, StructType schema, Options options, SessionConf conf, Records records);

  /** Writes one part file. */
  void write(Path file, List<Field> fields, List<Object[]> rows, Options options, SessionConf conf);
}
