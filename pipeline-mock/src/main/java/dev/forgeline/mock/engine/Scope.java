package dev.forgeline.mock.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The attributes an expression can see, and Spark's rules for finding one by name: case insensitive
 * by default, qualified names ({@code t.a}) through dataset aliases, nested struct fields ({@code
 * a.b}), and attribute identity for columns taken from a specific dataset ({@code df.col("a")},
 * which carries the dataset's plan id).
 */
public final class Scope {
  private final List<Field> fields;
  private final Map<Long, List<Field>> lineage;
  private final boolean caseSensitive;

  public Scope(List<Field> fields, Map<Long, List<Field>> lineage, boolean caseSensitive) {
    this.fields = List.copyOf(fields);
    this.lineage = lineage;
    this.caseSensitive = caseSensitive;
  }

  public List<Field> fields() {
    return fields;
  }

  public boolean caseSensitive() {
    return caseSensitive;
  }

  /** A resolved reference: the slot, the attribute, and struct fields still to extract. */
  public record Resolved(int index, Field field, List<String> nestedPath) {}

  /** Resolves a column reference, throwing Spark's UNRESOLVED_COLUMN / AMBIGUOUS_REFERENCE. */
  public Resolved resolve(List<String> nameParts, Long planId) {
    if (planId != null && lineage.containsKey(planId)) {
      Resolved byId = resolveThroughPlan(nameParts, lineage.get(planId));
      if (byId != null) {
        return byId;
      }
    }
    Resolved r = tryResolve(nameParts);
    if (r == null) {
      throw Errors.unresolvedColumn(nameParts, suggestions(nameParts));
    }
    return r;
  }

  private Resolved resolveThroughPlan(List<String> nameParts, List<Field> planOutput) {
    Scope planScope = new Scope(planOutput, Map.of(), caseSensitive);
    Resolved inPlan = planScope.tryResolve(nameParts);
    if (inPlan == null) {
      return null;
    }
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).exprId() == inPlan.field().exprId()) {
        return new Resolved(i, fields.get(i), inPlan.nestedPath());
      }
    }
    throw Errors.cannotResolveDataFrameColumn(nameParts);
  }

  /** Resolves or returns null when nothing matches (ambiguity still throws). */
  public Resolved tryResolve(List<String> nameParts) {
    if (nameParts.size() >= 2) {
      List<Integer> qualified = new ArrayList<>();
      for (int i = 0; i < fields.size(); i++) {
        Field f = fields.get(i);
        if (f.qualifier() != null
            && Names.same(f.qualifier(), nameParts.get(0), caseSensitive)
            && Names.same(f.name(), nameParts.get(1), caseSensitive)) {
          qualified.add(i);
        }
      }
      if (!qualified.isEmpty()) {
        return pick(qualified, nameParts, nameParts.subList(2, nameParts.size()));
      }
    }
    List<Integer> matches = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      if (Names.same(fields.get(i).name(), nameParts.get(0), caseSensitive)) {
        matches.add(i);
      }
    }
    if (matches.isEmpty()) {
      return null;
    }
    return pick(matches, nameParts, nameParts.subList(1, nameParts.size()));
  }

  private Resolved pick(List<Integer> matches, List<String> nameParts, List<String> nested) {
    if (matches.size() > 1) {
      List<String> candidates = new ArrayList<>();
      for (int i : matches) {
        Field f = fields.get(i);
        candidates.add(
            f.qualifier() == null
                ? Names.quote(f.name())
                : Names.quote(f.qualifier()) + "." + Names.quote(f.name()));
      }
      throw Errors.ambiguousReference(nameParts, candidates);
    }
    int index = matches.get(0);
    Field f = fields.get(index);
    if (!nested.isEmpty()) {
      checkNested(f.type(), nested, nameParts);
    }
    return new Resolved(index, f, List.copyOf(nested));
  }

  private void checkNested(DataType type, List<String> path, List<String> nameParts) {
    DataType t = type;
    for (String p : path) {
      boolean inArray = false;
      if (t instanceof org.apache.spark.sql.types.ArrayType at
          && at.elementType() instanceof StructType) {
        t = at.elementType();
        inArray = true;
      }
      if (!(t instanceof StructType st)) {
        throw Errors.unresolvedColumn(nameParts, suggestions(nameParts));
      }
      StructField found = null;
      for (StructField sf : st.fields()) {
        if (Names.same(sf.name(), p, caseSensitive)) {
          found = sf;
          break;
        }
      }
      if (found == null) {
        List<String> names = new ArrayList<>();
        for (StructField sf : st.fields()) {
          names.add(Names.quote(sf.name()));
        }
        throw Errors.fieldNotFound(p, names);
      }
      t =
          inArray
              ? new org.apache.spark.sql.types.ArrayType(found.dataType(), true)
              : found.dataType();
    }
  }

  /** Spark's suggestion list: qualified names ordered by edit distance, at most five. */
  public List<String> suggestions(List<String> nameParts) {
    String base = String.join(".", nameParts);
    boolean multiPart = nameParts.size() > 1;
    List<Field> sorted = new ArrayList<>(fields);
    sorted.sort(
        Comparator.comparingInt(
            f ->
                multiPart
                    ? Names.distance(
                        f.qualifier() == null ? f.name() : f.qualifier() + "." + f.name(), base)
                    : Names.distance(f.name(), base)));
    List<String> out = new ArrayList<>();
    for (Field f : sorted) {
      if (out.size() == 5) {
        break;
      }
      out.add(f.sqlId());
    }
    return out;
  }
}
