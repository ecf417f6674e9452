package dev.forgeline.core.cli;

import com.typesafe.config.Config;
import dev.forgeline.core.config.Secrets;
import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.report.PipelineReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Writes a run report as JSON under {@code forgeline.report.dir}, secrets redacted. */
record ReportFile(Path path) {
  static final String DIR_KEY = "forgeline.report.dir";

  /**
   * Writes the report. The text is encoded with replacement, so a character no UTF-8 file can hold
   * (an unpaired surrogate in some message) never fails the write.
   *
   * @throws NotWritten when the folder or the file cannot be written
   */
  static ReportFile write(PipelineReport report, Config config, Secrets secrets) {
    String name =
        report.pipeline().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + report.runId() + ".json";
    Path file = null;
    try {
      Path dir = Path.of(config.getString(DIR_KEY)).toAbsolutePath().normalize();
      file = dir.resolve(name);
      Files.createDirectories(dir);
      Files.write(file, secrets.redact(report.toJson()).getBytes(StandardCharsets.UTF_8));
    } catch (IOException | InvalidPathException e) {
      throw new NotWritten(report, file == null ? config.getString(DIR_KEY) : file.toString(), e);
    }
    return new ReportFile(file);
  }

  /** {@code [Forgeline/ReportNotWritten]}: the report file could not be written. */
  static final class NotWritten extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotWritten(PipelineReport report, String where, Exception cause) {
      super(
          ErrorId.REPORT_NOT_WRITTEN
              + " The report of run ["
              + report.runId()
              + "] cannot be written to ["
              + where
              + "]: "
              + cause.getClass().getSimpleName()
              + ": "
              + cause.getMessage()
              + ". The run itself ended; its outcome follows. Set "
              + DIR_KEY
              + " to a writable folder.",
          cause);
    }
  }
}
