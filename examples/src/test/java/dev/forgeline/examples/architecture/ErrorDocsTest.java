package dev.forgeline.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeline.core.error.ErrorCatalog;
import dev.forgeline.core.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/errors.md lists every error id of every module on the class path, and no other. */
class ErrorDocsTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z]+)` \\|", Pattern.MULTILINE);

  @Test
  void everyIdOfEveryModuleIsDocumentedAndEveryDocumentedIdExists() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "errors.md"));
    int section = docs.indexOf("\n## Every id");
    assertThat(section).as("docs/errors.md has a section '## Every id'").isPositive();
    TreeSet<String> documented = new TreeSet<>();
    Matcher m = ROW.matcher(docs.substring(section));
    while (m.find()) {
      documented.add(m.group(1));
    }

    List<String> labels = new ArrayList<>();
    List<String> modules = new ArrayList<>();
    for (ErrorCatalog catalog : ErrorCatalog.all()) {
      modules.add(catalog.module());
      for (ErrorCode code : catalog.codes()) {
        labels.add(code.label());
        assertThat(code.description()).as(code.label() + " has a description").isNotBlank();
      }
    }
    assertThat(modules).contains("pipeline-core");
    assertThat(labels).as("labels are unique across modules").doesNotHaveDuplicates();
    assertThat(documented).isEqualTo(new TreeSet<>(labels));
  }
}
