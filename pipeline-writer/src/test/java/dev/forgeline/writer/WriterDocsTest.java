package dev.forgeline.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/** docs/writer.md and docs/errors.md against the code. */
class WriterDocsTest {

  @Test
  void theSchemaTableListsEveryColumnWithItsTypeInOrder() {
    List<String> documented = new ArrayList<>();
    for (String line : Docs.read("writer.md").split("\n")) {
      if (line.startsWith("| `")) {
        String[] cells = line.split("\\|");
        if (cells.length >= 4 && !cells[2].isBlank() && cells[2].trim().matches("[a-z<>,]+")) {
          documented.add(
              cells[1].trim().replace("`", "") + " " + cells[2].trim() + " " + cells[3].trim());
        }
      }
    }
    List<String> actual = new ArrayList<>();
    for (StructField f : RunLog.SCHEMA.fields()) {
      actual.add(
          f.name() + " " + f.dataType().catalogString() + " " + (f.nullable() ? "yes" : "no"));
    }
    assertEquals(actual, documented);
  }

  @Test
  void theConfigBlockOfTheDocsIsValid() {
    String hocon = Docs.blocks("writer.md", "hocon").get(0);
    LogSettings s = LogSettings.from(ConfigFactory.parseString(hocon)).orElseThrow();
    assertEquals(LogTarget.table("ops.run_log"), s.target());
    assertEquals(List.of("run_date"), s.partitionBy());
  }

  @Test
  void everyWriterErrorIdIsInTheErrorsPageAndTheWriterPage() {
    String errors = Docs.read("errors.md");
    String writer = Docs.read("writer.md");
    for (WriterError id : WriterError.values()) {
      assertTrue(
          errors.contains("`" + id.label() + "`"), id.label() + " missing in docs/errors.md");
      assertTrue(writer.contains(id.tag()), id.tag() + " missing in docs/writer.md");
    }
    assertTrue(
        dev.forgeline.core.error.ErrorCatalog.all().stream()
            .anyMatch(
                c -> c instanceof WriterErrors && c.codes().size() == WriterError.values().length));
  }
}
