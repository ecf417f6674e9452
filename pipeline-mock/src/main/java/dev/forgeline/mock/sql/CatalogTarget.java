package dev.forgeline.mock.sql;

import dev.forgeline.mock.catalog.CatalogTable;
import dev.forgeline.mock.catalog.SharedCatalog;
import dev.forgeline.mock.delta.DeltaDml;
import dev.forgeline.mock.delta.DmlTarget;
import dev.forgeline.mock.engine.Relation;
import java.util.Map;

/**
 * A catalog table created {@code USING delta} as the target of MERGE, UPDATE or DELETE. Its rows
 * live in the mock's catalog; the new rows replace them in one atomic catalog update, which fails
 * as Delta's concurrent-commit error if another writer replaced the rows since they were read.
 */
final class CatalogTarget implements DmlTarget {
  private final SharedCatalog catalog;
  private final CatalogTable table;

  CatalogTarget(SharedCatalog catalog, CatalogTable table) {
    this.catalog = catalog;
    this.table = table;
  }

  @Override
  public Relation rows() {
    return table.data().withQualifier(table.name());
  }

  @Override
  public void replace(
      Relation rows, String operation, Map<String, String> params, Map<String, String> metrics) {
    catalog.update(
        table.database(),
        table.name(),
        old -> {
          if (old.data() != table.data()) {
            throw DeltaDml.concurrentChange(
                "`"
                    + SharedCatalog.CATALOG
                    + "`.`"
                    + table.database()
                    + "`.`"
                    + table.name()
                    + "`");
          }
          return old.withData(Relation.of(old.fields(), rows.rows()));
        });
  }
}
