package dev.forgeline.mock.sql;

import dev.forgeline.mock.engine.NotSupported;
import dev.forgeline.mock.engine.Scala;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.trees.CurrentOrigin;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.internal.UnresolvedAttribute;
import org.apache.spark.sql.types.AtomicType;
import org.apache.spark.sql.types.DataType;
import scala.Option;

/**
 * The rows of an enclosing SELECT as a subquery sees them: a name the subquery's own input does not
 * have but the enclosing input does is an outer reference. While a subquery is first planned
 * (discovering) each outer reference is recorded and stands for a typed NULL; when it is planned
 * for one outer row (binding) it stands for that row's value. Scopes chain, so a subquery nested
 * two levels deep can reference the outermost query.
 */
final class OuterScope {

  /** An outer reference: the name parts as written and the type of the enclosing column. */
  record Ref(List<String> parts, DataType type) {

    /** The reference as a column of the enclosing input. */
    Column column() {
      return new Column(attribute(parts));
    }
  }

  private final Dataset<Row> rows;
  private final OuterScope parent;
  private final Map<String, Object> bound;
  private final Map<String, Ref> found = new LinkedHashMap<>();

  private OuterScope(Dataset<Row> rows, OuterScope parent, Map<String, Object> bound) {
    this.rows = rows;
    this.parent = parent;
    this.bound = bound;
  }

  /** A scope that records the outer references a subquery makes. */
  static OuterScope discovering(Dataset<Row> rows, OuterScope parent) {
    return new OuterScope(rows, parent, null);
  }

  /** A scope where each of {@code refs} stands for the value at the same position. */
  static OuterScope binding(
      Dataset<Row> rows, OuterScope parent, List<Ref> refs, List<Object> values) {
    Map<String, Object> bound = new LinkedHashMap<>();
    for (int i = 0; i < refs.size(); i++) {
      bound.put(key(refs.get(i).parts()), values.get(i));
    }
    return new OuterScope(rows, parent, bound);
  }

  /** The outer references recorded while discovering, in the order first met. */
  List<Ref> refs() {
    return List.copyOf(found.values());
  }

  /**
   * The value a name stands for when it is an outer reference of this scope or an enclosing one, or
   * null when no enclosing input has it.
   */
  ColumnNode resolve(List<String> parts) {
    if (!resolves(rows, parts)) {
      return parent == null ? null : parent.resolve(parts);
    }
    String key = key(parts);
    DataType type = typeOf(rows, parts);
    if (bound == null) {
      found.putIfAbsent(key, new Ref(List.copyOf(parts), type));
      return functions.lit(null).cast(type).node();
    }
    if (!bound.containsKey(key)) {
      throw new IllegalStateException(
          "outer reference [" + key + "] was not met while discovering");
    }
    if (!(type instanceof AtomicType)) {
      throw NotSupported.method(
          "a correlated reference to the "
              + type.simpleString()
              + " column ["
              + String.join(".", parts)
              + "]");
    }
    return functions.lit(bound.get(key)).cast(type).node();
  }

  /** Whether a name resolves against a frame's columns (an ambiguous name counts as resolved). */
  static boolean resolves(Dataset<Row> d, List<String> parts) {
    try {
      typeOf(d, parts);
      return true;
    } catch (Exception e) {
      if (e instanceof SparkThrowable st
          && st.getCondition() != null
          && (st.getCondition().startsWith("UNRESOLVED_")
              || st.getCondition().startsWith("FIELD_NOT_FOUND"))) {
        return false;
      }
      return true;
    }
  }

  private static DataType typeOf(Dataset<Row> d, List<String> parts) {
    return d.select(new Column(attribute(parts))).schema().fields()[0].dataType();
  }

  static ColumnNode attribute(List<String> parts) {
    return new UnresolvedAttribute(Scala.seq(parts), Option.empty(), false, CurrentOrigin.get());
  }

  private static String key(List<String> parts) {
    return String.join("\u0000", parts).toLowerCase(Locale.ROOT);
  }
}
