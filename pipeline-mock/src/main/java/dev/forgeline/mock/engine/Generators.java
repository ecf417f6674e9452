package dev.forgeline.mock.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.internal.Alias;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.internal.UnresolvedFunction;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;

/**
 * Generators in a projection (explode, explode_outer, posexplode, posexplode_outer): each turns one
 * input row into zero or more output rows, writing its values into row slots that the projection
 * then reads.
 */
public final class Generators {
  private static final Set<String> NAMES =
      Set.of(
          "explode", "explode_outer", "posexplode", "posexplode_outer", "inline", "inline_outer");

  private Generators() {}

  /** A bound generator: its input, whether it keeps empty input, and the slots it fills. */
  public record Bound(
      Expr input, boolean outer, boolean position, boolean inline, List<Integer> slots) {}

  /** The generator call in a projection entry (possibly aliased), or null. */
  public static UnresolvedFunction match(ColumnNode node) {
    ColumnNode n = node instanceof Alias a ? a.child() : node;
    if (n instanceof UnresolvedFunction f
        && NAMES.contains(f.functionName().toLowerCase(Locale.ROOT))) {
      return f;
    }
    return null;
  }

  /** The names Spark uses when nested generators are rejected. */
  public static boolean isGenerator(String lowerName) {
    return NAMES.contains(lowerName);
  }

  /** Binds a generator entry, adding its output columns to {@code named}. */
  public static Bound bind(
      Binder b, ColumnNode node, UnresolvedFunction f, List<Binder.Named> named) {
    String name = f.functionName().toLowerCase(Locale.ROOT);
    boolean outer = name.endsWith("_outer");
    boolean position = name.startsWith("pos");
    List<ColumnNode> args = Scala.list(f.arguments());
    if (args.size() != 1) {
      throw Errors.wrongNumArgs(name, "1", args.size());
    }
    Expr input = b.bind(args.get(0));
    String sql = name + "(" + input.sql() + ")";
    List<String> names = new ArrayList<>();
    List<DataType> types = new ArrayList<>();
    List<Boolean> nullable = new ArrayList<>();
    if (position) {
      names.add("pos");
      types.add(DataTypes.IntegerType);
      nullable.add(outer);
    }
    if (name.startsWith("inline")) {
      if (!(input.type() instanceof ArrayType at)
          || !(at.elementType() instanceof org.apache.spark.sql.types.StructType st)) {
        throw Errors.unexpectedInputType(sql, 1, "\"ARRAY<STRUCT>\"", input.sql(), input.type());
      }
      for (org.apache.spark.sql.types.StructField sf : st.fields()) {
        names.add(sf.name());
        types.add(sf.dataType());
        nullable.add(outer || at.containsNull() || sf.nullable());
      }
    } else if (input.type() instanceof ArrayType at) {
      names.add("col");
      types.add(at.elementType());
      nullable.add(outer || at.containsNull());
    } else if (input.type() instanceof MapType mt) {
      names.add("key");
      types.add(mt.keyType());
      nullable.add(outer);
      names.add("value");
      types.add(mt.valueType());
      nullable.add(outer || mt.valueContainsNull());
    } else {
      throw Errors.unexpectedInputType(sql, 1, "(\"ARRAY\" or \"MAP\")", input.sql(), input.type());
    }
    if (node instanceof Alias a) {
      List<String> aliases = Scala.list(a.name());
      if (aliases.size() == names.size()) {
        names = aliases;
      } else if (aliases.size() == 1 && names.size() == 1) {
        names = aliases;
      } else {
        throw Errors.analysis(
            "UDTF_ALIAS_NUMBER_MISMATCH",
            "aliasesSize",
            String.valueOf(aliases.size()),
            "aliasesNames",
            String.join(", ", aliases));
      }
    }
    List<Integer> slots = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      int slot = b.allocateSlot();
      slots.add(slot);
      named.add(
          new Binder.Named(
              names.get(i), new SlotRef(slot, names.get(i), types.get(i), nullable.get(i)), null));
    }
    return new Bound(input, outer, position, name.startsWith("inline"), slots);
  }

  /** Expands rows through every generator in turn (several generators multiply rows). */
  public static List<Object[]> expand(List<Object[]> rows, List<Bound> generators) {
    List<Object[]> current = rows;
    for (Bound g : generators) {
      List<Object[]> next = new ArrayList<>();
      for (Object[] row : current) {
        Object v = g.input().eval(row);
        List<Object[]> produced = new ArrayList<>();
        if (v instanceof List<?> list && g.inline()) {
          for (Object s : list) {
            produced.add(s == null ? new Object[g.slots().size()] : (Object[]) s);
          }
        } else if (v instanceof List<?> list) {
          for (int i = 0; i < list.size(); i++) {
            produced.add(g.position() ? new Object[] {i, list.get(i)} : new Object[] {list.get(i)});
          }
        } else if (v instanceof Map<?, ?> map) {
          int i = 0;
          for (Map.Entry<?, ?> e : map.entrySet()) {
            produced.add(
                g.position()
                    ? new Object[] {i++, e.getKey(), e.getValue()}
                    : new Object[] {e.getKey(), e.getValue()});
          }
        }
        if (produced.isEmpty() && g.outer()) {
          produced.add(new Object[g.slots().size()]);
        }
        for (Object[] values : produced) {
          Object[] copy = row.clone();
          for (int k = 0; k < values.length; k++) {
            copy[g.slots().get(k)] = values[k];
          }
          next.add(copy);
        }
      }
      current = next;
    }
    return current;
  }
}
