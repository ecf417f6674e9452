package dev.forgeline.mock.engine;

import dev.forgeline.mock.fn.FnCall;
import dev.forgeline.mock.fn.FunctionRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.internal.Alias;
import org.apache.spark.sql.internal.CaseWhenOtherwise;
import org.apache.spark.sql.internal.Cast;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.internal.InvokeInlineUserDefinedFunction;
import org.apache.spark.sql.internal.LambdaFunction;
import org.apache.spark.sql.internal.Literal;
import org.apache.spark.sql.internal.SortOrder;
import org.apache.spark.sql.internal.UnresolvedAttribute;
import org.apache.spark.sql.internal.UnresolvedExtractValue;
import org.apache.spark.sql.internal.UnresolvedFunction;
import org.apache.spark.sql.internal.UnresolvedNamedLambdaVariable;
import org.apache.spark.sql.internal.UnresolvedRegex;
import org.apache.spark.sql.internal.UnresolvedStar;
import org.apache.spark.sql.internal.UpdateFields;
import org.apache.spark.sql.internal.Window;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Binds Spark's unresolved {@link ColumnNode} trees to {@link Expr}: resolves names against a
 * {@link Scope}, looks functions up in {@link FunctionRegistry}, applies Spark's coercions and type
 * checks, and raises Spark's analysis errors. Aggregate and window calls are assigned extra row
 * slots beyond the input columns; the operator that owns the binder fills those slots before
 * evaluating the bound expressions (see {@link #width()}).
 */
public final class Binder {
  /** One output column of a projection: name, expression, and the attribute kept if unchanged. */
  public record Named(String name, Expr expr, Field passthrough) {}

  private final Scope scope;
  private final SessionConf conf;
  private final UdfLookup udfs;
  private final List<AggCall> aggs;
  private final List<WindowCall> windows;
  private final Map<String, LambdaVar> lambdaVars = new HashMap<>();
  private int width;
  private boolean deterministic = true;

  private Binder(
      Scope scope, SessionConf conf, UdfLookup udfs, boolean allowAggs, boolean allowWindows) {
    this.scope = scope;
    this.conf = conf;
    this.udfs = udfs;
    this.aggs = allowAggs ? new ArrayList<>() : null;
    this.windows = allowWindows ? new ArrayList<>() : null;
    this.width = scope.fields().size();
  }

  /** A binder for row-level expressions (filter, join conditions, sort keys). */
  public static Binder rows(Scope scope, SessionConf conf, UdfLookup udfs) {
    return new Binder(scope, conf, udfs, false, false);
  }

  /** A binder for projections, which may contain window functions. */
  public static Binder projection(Scope scope, SessionConf conf, UdfLookup udfs) {
    return new Binder(scope, conf, udfs, false, true);
  }

  /** A binder for aggregate outputs, which may contain aggregate functions. */
  public static Binder aggregation(Scope scope, SessionConf conf, UdfLookup udfs) {
    return new Binder(scope, conf, udfs, true, true);
  }

  public SessionConf conf() {
    return conf;
  }

  public Scope scope() {
    return scope;
  }

  /** The row width evaluation needs: input columns plus aggregate, window and lambda slots. */
  public int width() {
    return width;
  }

  public List<AggCall> aggregates() {
    return aggs == null ? List.of() : aggs;
  }

  public List<WindowCall> windows() {
    return windows == null ? List.of() : windows;
  }

  /**
   * Records that an expression bound here may give another value when evaluated again (rand, uuid,
   * a user-defined function): the operator then computes its rows once and keeps them instead of
   * streaming them (see {@link Relation}).
   */
  public void nondeterministic() {
    deterministic = false;
  }

  /** False once {@link #nondeterministic()} was called for anything this binder bound. */
  public boolean deterministic() {
    return deterministic;
  }

  /** Allocates a new evaluation slot. */
  public int allocateSlot() {
    return width++;
  }

  /** Binds one projection entry, expanding {@code *} and regex columns. */
  public List<Named> bindNamed(ColumnNode node) {
    if (node instanceof org.apache.spark.sql.internal.SqlExpression sql) {
      return bindNamed(SqlExpressions.parse(sql.expression()));
    }
    if (node instanceof UnresolvedStar star) {
      return expandStar(Scala.orNull(star.unparsedTarget()));
    }
    if (node instanceof UnresolvedRegex regex) {
      return expandRegex(regex.regex());
    }
    if (node instanceof Alias alias) {
      List<String> names = Scala.list(alias.name());
      if (names.isEmpty() || names.get(0) == null) {
        throw Errors.nullName();
      }
      Expr e = bind(alias.child());
      return List.of(new Named(names.get(0), e, null));
    }
    Expr e = bind(node);
    Field passthrough = e instanceof ColumnRef ref ? ref.field() : null;
    return List.of(new Named(outputName(node, e), e, passthrough));
  }

  private String outputName(ColumnNode node, Expr e) {
    if (node instanceof UnresolvedAttribute attr
        && (e instanceof ExtractField
            || (attr.nameParts().size() > 1
                && !(e instanceof ColumnRef)
                && e.type() instanceof org.apache.spark.sql.types.ArrayType))) {
      List<String> parts = Scala.list(attr.nameParts());
      return parts.get(parts.size() - 1);
    }
    if (e instanceof CastExpr cast) {
      return cast.outputName();
    }
    return e.sql();
  }

  private List<Named> expandStar(String target) {
    List<Named> out = new ArrayList<>();
    List<Field> fields = scope.fields();
    if (target == null) {
      for (int i = 0; i < fields.size(); i++) {
        out.add(new Named(fields.get(i).name(), new ColumnRef(i, fields.get(i)), fields.get(i)));
      }
      return out;
    }
    String t = target.endsWith(".*") ? target.substring(0, target.length() - 2) : target;
    List<String> parts = Names.parse(t);
    boolean byQualifier = false;
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      if (parts.size() == 1
          && f.qualifier() != null
          && Names.same(f.qualifier(), parts.get(0), scope.caseSensitive())) {
        out.add(new Named(f.name(), new ColumnRef(i, f), f));
        byQualifier = true;
      }
    }
    if (byQualifier) {
      return out;
    }
    Expr struct =
        bind(
            new UnresolvedAttribute(
                Scala.seq(parts),
                scala.Option.empty(),
                false,
                org.apache.spark.sql.catalyst.trees.CurrentOrigin.get()));
    if (!(struct.type() instanceof StructType st)) {
      throw Errors.analysis(
          "CANNOT_RESOLVE_STAR_EXPAND",
          "targetString",
          Names.quoteParts(parts),
          "columns",
          String.join(", ", fields.stream().map(Field::name).toList()));
    }
    StructField[] sfs = st.fields();
    for (int i = 0; i < sfs.length; i++) {
      out.add(new Named(sfs[i].name(), new ExtractField(struct, i, sfs[i]), null));
    }
    return out;
  }

  private List<Named> expandRegex(String regex) {
    String r =
        regex.startsWith("`") && regex.endsWith("`")
            ? regex.substring(1, regex.length() - 1)
            : regex;
    Pattern p = Pattern.compile(r, scope.caseSensitive() ? 0 : Pattern.CASE_INSENSITIVE);
    List<Named> out = new ArrayList<>();
    List<Field> fields = scope.fields();
    for (int i = 0; i < fields.size(); i++) {
      if (p.matcher(fields.get(i).name()).matches()) {
        out.add(new Named(fields.get(i).name(), new ColumnRef(i, fields.get(i)), fields.get(i)));
      }
    }
    return out;
  }

  /** Binds a node that must produce exactly one value. */
  public Expr bind(ColumnNode node) {
    if (node instanceof org.apache.spark.sql.internal.SqlExpression sql) {
      return bind(SqlExpressions.parse(sql.expression()));
    }
    if (node instanceof Literal lit) {
      return Literals.of(lit.value(), Scala.orNull(lit.dataType()));
    }
    if (node instanceof UnresolvedAttribute attr) {
      return bindAttribute(attr);
    }
    if (node instanceof Alias alias) {
      Expr child = bind(alias.child());
      return new Renamed(child, Scala.list(alias.name()).get(0));
    }
    if (node instanceof Cast cast) {
      return bindCast(cast);
    }
    if (node instanceof UnresolvedFunction fn) {
      return bindFunction(fn);
    }
    if (node instanceof CaseWhenOtherwise cw) {
      return Conditionals.caseWhen(this, cw);
    }
    if (node instanceof UnresolvedExtractValue ev) {
      return Extraction.extract(bind(ev.child()), bind(ev.extraction()), conf);
    }
    if (node instanceof UpdateFields uf) {
      return Extraction.updateFields(this, uf);
    }
    if (node instanceof Window w) {
      return Windows.bind(this, w);
    }
    if (node instanceof UnresolvedNamedLambdaVariable v) {
      LambdaVar var = lambdaVars.get(v.name());
      if (var == null) {
        throw Errors.unresolvedColumn(List.of(v.name()), scope.suggestions(List.of(v.name())));
      }
      return var;
    }
    if (node instanceof InvokeInlineUserDefinedFunction udf) {
      nondeterministic();
      return Udfs.bindInline(this, udf);
    }
    if (node instanceof UnresolvedStar || node instanceof UnresolvedRegex) {
      List<Named> named = bindNamed(node);
      if (named.size() == 1) {
        return named.get(0).expr();
      }
      throw Errors.analysis(
          "INVALID_USAGE_OF_STAR_OR_REGEX", "elem", "'*'", "prettyName", "expression");
    }
    if (node instanceof SortOrder) {
      throw Errors.analysis(
          "UNSUPPORTED_EXPR_FOR_OPERATOR", "invalidExprSqls", "\"" + node.sql() + "\"");
    }
    if (node instanceof LambdaFunction) {
      throw Errors.analysis(
          "INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION", "class", "LambdaFunction");
    }
    throw NotSupported.expression(node);
  }

  private Expr bindAttribute(UnresolvedAttribute attr) {
    List<String> parts = Scala.list(attr.nameParts());
    if (parts.size() == 1 && lambdaVars.containsKey(parts.get(0))) {
      return lambdaVars.get(parts.get(0));
    }
    Long planId = attr.planId().isDefined() ? (Long) attr.planId().get() : null;
    Scope.Resolved r = scope.resolve(parts, planId);
    String typed = parts.get(parts.size() - 1);
    Field shown = r.nestedPath().isEmpty() ? r.field().withName(typed) : r.field();
    Expr e = new ColumnRef(r.index(), shown);
    for (String name : r.nestedPath()) {
      e = Extraction.field(e, name, scope.caseSensitive());
    }
    return e;
  }

  private Expr bindCast(Cast cast) {
    Expr child = bind(cast.child());
    DataType to = cast.dataType();
    Casts.Mode mode = conf.ansi() ? Casts.Mode.ANSI : Casts.Mode.LEGACY;
    String prefix = "CAST";
    Cast.EvalMode em = Scala.orNull(cast.evalMode());
    if (em != null) {
      String n = em.toString().toLowerCase(java.util.Locale.ROOT);
      if (n.contains("try")) {
        mode = Casts.Mode.TRY;
        prefix = "TRY_CAST";
      } else if (n.contains("legacy")) {
        mode = Casts.Mode.LEGACY;
      } else if (n.contains("ansi")) {
        mode = Casts.Mode.ANSI;
      }
    }
    String sql = prefix + "(" + child.sql() + " AS " + to.sql() + ")";
    return CastExpr.of(child, to, mode, conf.zone(), sql);
  }

  private Expr bindFunction(UnresolvedFunction fn) {
    String name = fn.functionName();
    List<ColumnNode> raw = Scala.list(fn.arguments());
    if (fn.isUserDefinedFunction() || udfs.has(name)) {
      if (udfs.has(name)) {
        nondeterministic();
        List<Expr> args = new ArrayList<>();
        for (ColumnNode a : raw) {
          args.add(bind(a));
        }
        return udfs.bind(name, args, conf);
      }
      throw Errors.unresolvedRoutine(name);
    }
    return FunctionRegistry.bind(new FnCall(name, raw, fn.isDistinct(), this));
  }

  private int aggregateDepth;
  private List<Expr> groupingExprs;
  private final List<GroupingCall> groupingCalls = new ArrayList<>();

  /** grouping(col) or grouping_id(): filled per group from the active grouping set. */
  public record GroupingCall(List<Integer> positions, boolean id, int slot) {}

  /** Declares the grouping expressions of the aggregation this binder serves. */
  public void groupingExpressions(List<Expr> exprs) {
    this.groupingExprs = List.copyOf(exprs);
  }

  public List<GroupingCall> groupingCalls() {
    return groupingCalls;
  }

  /** Binds grouping(col) (id=false) or grouping_id(cols...) (id=true). */
  public Expr addGrouping(List<Expr> args, boolean id, String sql) {
    if (groupingExprs == null) {
      throw Errors.analysis("UNSUPPORTED_GROUPING_EXPRESSION");
    }
    List<Integer> positions = new ArrayList<>();
    if (args.isEmpty()) {
      for (int i = 0; i < groupingExprs.size(); i++) {
        positions.add(i);
      }
    }
    for (Expr a : args) {
      int idx = -1;
      for (int i = 0; i < groupingExprs.size(); i++) {
        if (groupingExprs.get(i).sql().equalsIgnoreCase(a.sql())) {
          idx = i;
        }
      }
      if (idx < 0) {
        throw Errors.analysis(
            "GROUPING_COLUMN_MISMATCH",
            "grouping",
            Errors.sqlExpr(a.sql()),
            "groupingColumns",
            String.join(", ", groupingExprs.stream().map(Expr::sql).toList()));
      }
      positions.add(idx);
    }
    int slot = allocateSlot();
    groupingCalls.add(new GroupingCall(positions, id, slot));
    return new SlotRef(
        slot,
        sql,
        id
            ? org.apache.spark.sql.types.DataTypes.LongType
            : org.apache.spark.sql.types.DataTypes.ByteType,
        false);
  }

  /**
   * Marks the binding of an aggregate's arguments; a nested aggregate is NESTED_AGGREGATE_FUNCTION.
   */
  public void enterAggregate() {
    if (aggregateDepth > 0) {
      throw Errors.analysis("NESTED_AGGREGATE_FUNCTION");
    }
    aggregateDepth++;
  }

  public void exitAggregate() {
    aggregateDepth--;
  }

  /** Registers an aggregate call; throws when aggregates are not allowed here. */
  public Expr addAggregate(Aggregate agg) {
    if (aggs == null) {
      throw Errors.analysis(
          "UNSUPPORTED_EXPR_FOR_OPERATOR", "invalidExprSqls", Errors.sqlExpr(agg.sql()));
    }
    int slot = allocateSlot();
    aggs.add(new AggCall(agg, slot));
    return new SlotRef(slot, agg.sql(), agg.type(), agg.nullable());
  }

  /** Registers a window call. */
  public Expr addWindow(WindowCall.Function function, WindowCall.Spec spec, String sql) {
    if (windows == null) {
      throw Errors.analysis("UNSUPPORTED_EXPR_FOR_WINDOW", "sqlExpr", Errors.sqlExpr(sql));
    }
    int slot = allocateSlot();
    windows.add(new WindowCall(function, spec, slot));
    return new SlotRef(slot, sql, function.type(), function.nullable());
  }

  /** Whether this binder is inside an aggregation (aggregate functions are allowed). */
  public boolean aggregatesAllowed() {
    return aggs != null;
  }

  /** Binds a lambda's body with its variables in fresh slots; returns the bound lambda. */
  public BoundLambda bindLambda(
      ColumnNode node, List<DataType> argTypes, List<Boolean> argNullable) {
    if (!(node instanceof LambdaFunction lf)) {
      throw Errors.analysis(
          "INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION", "class", node.sql());
    }
    List<UnresolvedNamedLambdaVariable> vars = Scala.list(lf.arguments());
    if (vars.size() > argTypes.size()) {
      throw Errors.analysis(
          "INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH",
          "expectedNumArgs",
          String.valueOf(argTypes.size()),
          "actualNumArgs",
          String.valueOf(vars.size()));
    }
    List<LambdaVar> bound = new ArrayList<>();
    Map<String, LambdaVar> saved = new HashMap<>(lambdaVars);
    for (int i = 0; i < vars.size(); i++) {
      LambdaVar v =
          new LambdaVar(allocateSlot(), vars.get(i).name(), argTypes.get(i), argNullable.get(i));
      lambdaVars.put(v.name(), v);
      bound.add(v);
    }
    Expr body = bind(lf.function());
    lambdaVars.clear();
    lambdaVars.putAll(saved);
    return new BoundLambda(bound, body);
  }
}
