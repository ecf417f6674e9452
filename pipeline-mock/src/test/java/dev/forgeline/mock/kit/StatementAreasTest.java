package dev.forgeline.mock.kit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The kit keeps at least the 300 cases issue 13 asked for in its SQL statement, catalog, file and
 * Delta areas, and every case id is unique.
 */
class StatementAreasTest {

  static boolean statementArea(String area) {
    return area.startsWith("sql-")
        || area.startsWith("files-")
        || area.startsWith("delta")
        || area.equals("writer-v2");
  }

  @Test
  void statementCatalogFileAndDeltaAreasHoldAtLeast300Cases() {
    long n = ContractKit.cases().stream().filter(c -> statementArea(c.area())).count();
    assertTrue(
        n >= 300, () -> "only " + n + " cases in the statement, catalog, file and Delta areas");
  }

  @Test
  void caseIdsAreUnique() {
    Set<String> ids = ContractKit.cases().stream().map(KitCase::id).collect(Collectors.toSet());
    assertTrue(ids.size() == ContractKit.cases().size(), "duplicate kit case ids");
  }
}
