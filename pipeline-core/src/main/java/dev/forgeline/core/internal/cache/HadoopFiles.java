package dev.forgeline.core.internal.cache;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;

/** File listings through Hadoop: kept apart so Hadoop's classes load only for remote paths. */
final class HadoopFiles {
  private HadoopFiles() {}

  static List<String> list(String location, SparkSession spark) throws IOException {
    Configuration conf =
        spark instanceof org.apache.spark.sql.classic.SparkSession classic
            ? classic.sessionState().newHadoopConf()
            : new Configuration();
    Path path = new Path(location);
    FileSystem fs = path.getFileSystem(conf);
    if (!fs.exists(path)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    FileStatus self = fs.getFileStatus(path);
    if (self.isFile()) {
      out.add(line(self));
      return out;
    }
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
    while (it.hasNext()) {
      out.add(line(it.next()));
    }
    out.sort(String::compareTo);
    return out;
  }

  private static String line(FileStatus s) {
    return s.getPath() + "|" + s.getLen() + "|" + s.getModificationTime();
  }
}
