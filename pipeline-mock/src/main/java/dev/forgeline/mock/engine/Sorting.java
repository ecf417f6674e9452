package dev.forgeline.mock.engine;

import java.util.Locale;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.internal.SortOrder;

/** Binds sort specifications ({@code asc_nulls_last()} and friends, or bare columns). */
public final class Sorting {
  private Sorting() {}

  /** A sort key for a SortOrder node. */
  public static SortKey key(Binder binder, SortOrder so) {
    Expr e = binder.bind(so.child());
    boolean asc = !so.sortDirection().toString().toLowerCase(Locale.ROOT).contains("desc");
    boolean nullsFirst = so.nullOrdering().toString().toLowerCase(Locale.ROOT).contains("first");
    return checked(new SortKey(e, asc, nullsFirst));
  }

  /** A sort key for any node: SortOrder as given, anything else ascending with nulls first. */
  public static SortKey key(Binder binder, ColumnNode node) {
    if (node instanceof SortOrder so) {
      return key(binder, so);
    }
    return checked(SortKey.of(binder.bind(node), true));
  }

  private static SortKey checked(SortKey k) {
    if (!Types.orderable(k.expr().type())) {
      throw Errors.invalidOrderingType(k.sql(), "sortorder", k.expr().type());
    }
    return k;
  }
}
