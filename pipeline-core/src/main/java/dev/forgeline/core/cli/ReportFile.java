package dev.forgeline.core.cli;

import com.typesafe.config.Config;
import dev.forgeline.core.config.Secrets;
import dev.forgeline.core.report.PipelineReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a run report as JSON under {@code forgeline.report.dir}, secrets redacted. */
record ReportFile(Path path) {
  static final String DIR_KEY = "forgeline.report.dir";

  static ReportFile write(PipelineReport report, Config config, Secrets secrets) {
    Path dir = Path.of(config.getString(DIR_KEY)).toAbsolutePath().normalize();
    String name =
        report.pipeline().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + report.runId() + ".json";
    Path file = dir.resolve(name);
    try {
      Files.createDirectories(dir);
      Files.writeString(file, secrets.redact(report.toJson()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the report of run ["
              + report.runId()
              + "] to "
              + file
              + "; set "
              + DIR_KEY
              + " to a writable folder",
          e);
    }
    return new ReportFile(file);
  }
}
