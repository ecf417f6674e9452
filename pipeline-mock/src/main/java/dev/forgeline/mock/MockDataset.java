package dev.forgeline.mock;

import dev.forgeline.mock.engine.Encoding;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.Joins;
import dev.forgeline.mock.engine.JsonText;
import dev.forgeline.mock.engine.Names;
import dev.forgeline.mock.engine.Projections;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.RowCodec;
import dev.forgeline.mock.engine.Scala;
import dev.forgeline.mock.engine.Scope;
import dev.forgeline.mock.engine.SessionConf;
import dev.forgeline.mock.engine.SetOperations;
import dev.forgeline.mock.engine.ShowFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameNaFunctions;
import org.apache.spark.sql.DataFrameStatFunctions;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.DataFrameWriterV2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.KeyValueGroupedDataset;
import org.apache.spark.sql.MergeIntoWriter;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.TypedColumn;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.catalyst.trees.CurrentOrigin;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.internal.ColumnNode;
import org.apache.spark.sql.internal.UnresolvedAttribute;
import org.apache.spark.sql.internal.UnresolvedRegex;
import org.apache.spark.sql.internal.UnresolvedStar;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Function1;
import scala.Function2;
import scala.Option;
import scala.Tuple2;
import scala.collection.immutable.Seq;
import scala.reflect.api.TypeTags;
import scala.runtime.BoxedUnit;

/**
 * The mock's {@link Dataset}: an immutable {@link Relation} plus the encoder that turns its rows
 * into user objects. Transformations analyse at once (so analysis errors surface where Spark raises
 * them) and compute rows on the first action.
 *
 * <p>Shape: this class is the adapter for Spark's 109 abstract Dataset methods, so it is long by
 * nature; each method only translates arguments and delegates to the engine's operators
 * (Projections, Joins, Aggregations, SetOperations, Reshape, Summary, Sampling) or throws the one
 * unsupported error. Partitioning is not modelled: repartition, coalesce and hints return the same
 * dataset.
 */
@SuppressWarnings("deprecation")
final class MockDataset<T> extends Dataset<T> {
  private static final long serialVersionUID = 1L;

  private final transient MockSparkSession session;
  private final transient Relation relation;

  /**
   * The encoder, or null for a {@code Dataset<Row>}: Spark's row encoder is then built only when
   * {@link #encoder()} asks for it, since building one per operation was a measurable part of a
   * small query's cost and rows decode without it.
   */
  private final transient Encoder<T> encoder;

  private transient volatile Encoder<T> rowEncoder;
  private transient volatile StorageLevel storageLevel = StorageLevel.NONE();

  MockDataset(MockSparkSession session, Relation relation, Encoder<T> encoder) {
    this.session = session;
    this.relation = relation;
    this.encoder = encoder;
  }

  Relation relation() {
    return relation;
  }

  private SessionConf conf() {
    return session.sessionConf();
  }

  private static List<ColumnNode> nodes(Seq<Column> cols) {
    List<ColumnNode> out = new ArrayList<>();
    for (Column c : Scala.list(cols)) {
      out.add(Objects.requireNonNull(c, "column").node());
    }
    return out;
  }

  private Dataset<Row> rows(Relation r) {
    return session.wrapRows(r);
  }

  @SuppressWarnings("unchecked")
  private Dataset<T> same(Relation r) {
    return encoder == null ? (Dataset<T>) session.wrapRows(r) : session.wrap(r, encoder);
  }

  private static Relation relationOf(Dataset<?> other) {
    if (other instanceof MockDataset<?> m) {
      return m.relation;
    }
    throw MockSparkSession.unsupported(
        "mixing a mock Dataset with a Dataset of another session ("
            + other.getClass().getName()
            + ")");
  }

  private T decode(Object[] row, SessionConf conf) {
    @SuppressWarnings("unchecked")
    T t =
        encoder == null
            ? (T) RowCodec.toRow(row, relation.schema(), conf)
            : (T) Encoding.fromRow(row, relation.schema(), encoder, conf);
    return t;
  }

  /** Every row decoded, in order; a streamed relation is not kept (the list holds the rows). */
  private List<T> decodeAll() {
    SessionConf conf = conf();
    List<T> out = new ArrayList<>();
    StructType schema = relation.schema();
    if (encoder == null && RowCodec.sharesValues(schema)) {
      // Rows are never mutated once published: a Row may wrap the internal array itself.
      int width = schema.length();
      relation.forEachResult(
          r -> {
            @SuppressWarnings("unchecked")
            T row =
                (T)
                    (r.length == width
                        ? new GenericRowWithSchema(r, schema)
                        : RowCodec.toRow(r, schema, conf));
            out.add(row);
          });
      return out;
    }
    relation.forEachResult(r -> out.add(decode(r, conf)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private T[] toArray(List<T> list) {
    Class<?> cls = encoder == null ? Row.class : encoder.clsTag().runtimeClass();
    T[] arr =
        (T[])
            java.lang.reflect.Array.newInstance(
                cls.isPrimitive() ? Object.class : cls, list.size());
    return list.toArray(arr);
  }

  @Override
  public SparkSession sparkSession() {
    return session;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Encoder<T> encoder() {
    if (encoder != null) {
      return encoder;
    }
    Encoder<T> e = rowEncoder;
    if (e == null) {
      e = (Encoder<T>) Encoders.row(relation.schema());
      rowEncoder = e;
    }
    return e;
  }

  @Override
  @Unsupported
  public QueryExecution queryExecution() {
    throw MockSparkSession.unsupported("Dataset.queryExecution()");
  }

  @Override
  public Dataset<Row> toDF() {
    return rows(relation);
  }

  @Override
  public <U> Dataset<U> as(Encoder<U> enc) {
    StructType target = enc.schema();
    if (enc.schema().length() > 1 || Encoding.agnostic(enc).isStruct()) {
      Scope scope = relation.scope(conf().caseSensitive());
      for (var f : target.fields()) {
        scope.resolve(List.of(f.name()), null);
      }
    }
    return session.wrap(relation, enc);
  }

  @Override
  public Dataset<Row> to(StructType schema) {
    List<ColumnNode> cols = new ArrayList<>();
    for (var f : schema.fields()) {
      cols.add(new Column(f.name()).cast(f.dataType()).as(f.name()).node());
    }
    return rows(Projections.select(relation, cols, conf(), session.udfRegistry()));
  }

  @Override
  public Dataset<Row> toDF(Seq<String> colNames) {
    List<String> names = Scala.list(colNames);
    if (names.size() != relation.fields().size()) {
      throw Errors.analysis(
          "ASSIGNMENT_ARITY_MISMATCH",
          "numTarget",
          String.valueOf(names.size()),
          "numExpr",
          String.valueOf(relation.fields().size()));
    }
    if (names.contains(null)) {
      throw Errors.nullName();
    }
    List<Field> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Field f = relation.fields().get(i);
      out.add(
          f.name().equals(names.get(i))
              ? f
              : new Field(names.get(i), f.type(), f.nullable(), Field.newId(), null));
    }
    return rows(Relation.derived(out, List.of(relation), relation::rows));
  }

  @Override
  public StructType schema() {
    return relation.schema();
  }

  @Override
  public void explain(String mode) {
    Console.print("== Mock Plan ==\n" + relation.schema().treeString() + "\n");
  }

  @Override
  public boolean isLocal() {
    return true;
  }

  @Override
  public boolean isEmpty() {
    return relation.rows().isEmpty();
  }

  @Override
  public boolean isStreaming() {
    return false;
  }

  @Override
  public Dataset<T> checkpoint(boolean eager, boolean reliable, Option<StorageLevel> level) {
    if (eager) {
      relation.rows();
    }
    return this;
  }

  @Override
  @Unsupported
  public Dataset<T> withWatermark(String eventTime, String delay) {
    throw MockSparkSession.unsupported("Dataset.withWatermark(String, String)");
  }

  /** The text show() prints. */
  String showString(int numRows, int truncate, boolean vertical) {
    List<Object[]> all = relation.rows();
    int n = Math.max(0, numRows);
    List<Object[]> some = all.subList(0, Math.min(all.size(), n + 1));
    return ShowFormat.format(relation.fields(), some, n, truncate, vertical, conf().zone());
  }

  @Override
  public void show(int numRows, boolean truncate) {
    show(numRows, truncate ? 20 : 0, false);
  }

  @Override
  public void show(int numRows, int truncate, boolean vertical) {
    Console.print(showString(numRows, truncate, vertical) + "\n");
  }

  @Override
  public DataFrameNaFunctions na() {
    return new MockNaFunctions(session, relation);
  }

  @Override
  public DataFrameStatFunctions stat() {
    return new MockStatFunctions(session, relation);
  }

  @Override
  public Dataset<Row> join(Dataset<?> right) {
    return rows(
        Joins.on(
            relation, relationOf(right), null, Joins.Type.INNER, conf(), session.udfRegistry()));
  }

  @Override
  public Dataset<Row> join(Dataset<?> right, Seq<String> usingColumns, String joinType) {
    Joins.Type type = Joins.parse(joinType);
    return rows(Joins.using(relation, relationOf(right), Scala.list(usingColumns), type, conf()));
  }

  @Override
  public Dataset<Row> join(Dataset<?> right, Column condition, String joinType) {
    Joins.Type type = Joins.parse(joinType);
    return rows(
        Joins.on(
            relation, relationOf(right), condition.node(), type, conf(), session.udfRegistry()));
  }

  @Override
  public Dataset<Row> crossJoin(Dataset<?> right) {
    return rows(
        Joins.on(
            relation, relationOf(right), null, Joins.Type.CROSS, conf(), session.udfRegistry()));
  }

  @Override
  public <U> Dataset<Tuple2<T, U>> joinWith(Dataset<U> other, Column condition, String joinType) {
    Joins.Type type = Joins.parse(joinType);
    if (type == Joins.Type.LEFT_SEMI || type == Joins.Type.LEFT_ANTI) {
      throw Errors.analysis("INVALID_JOIN_TYPE_FOR_JOINWITH", "joinType", joinType);
    }
    Relation right = relationOf(other);
    Relation joined =
        Joins.on(relation, right, condition.node(), type, conf(), session.udfRegistry());
    Encoder<Tuple2<T, U>> enc = Encoders.tuple(encoder(), other.encoder());
    return session.wrap(
        TypedJoin.pair(relation, right, joined, type, encoder(), other.encoder()), enc);
  }

  @Override
  @Unsupported
  public Dataset<Row> lateralJoin(Dataset<?> right) {
    throw MockSparkSession.unsupported("Dataset.lateralJoin(Dataset)");
  }

  @Override
  @Unsupported
  public Dataset<Row> lateralJoin(Dataset<?> right, Column condition) {
    throw MockSparkSession.unsupported("Dataset.lateralJoin(Dataset, Column)");
  }

  @Override
  @Unsupported
  public Dataset<Row> lateralJoin(Dataset<?> right, String joinType) {
    throw MockSparkSession.unsupported("Dataset.lateralJoin(Dataset, String)");
  }

  @Override
  @Unsupported
  public Dataset<Row> lateralJoin(Dataset<?> right, Column condition, String joinType) {
    throw MockSparkSession.unsupported("Dataset.lateralJoin(Dataset, Column, String)");
  }

  @Override
  public Dataset<T> sortInternal(boolean global, Seq<Column> sortExprs) {
    return same(Projections.sort(relation, nodes(sortExprs), conf(), session.udfRegistry()));
  }

  @Override
  public Dataset<T> hint(String name, Seq<Object> parameters) {
    return this;
  }

  @Override
  public Column col(String colName) {
    Option<Object> planId = Option.apply(relation.planId());
    if (colName.equals("*")) {
      return new Column(new UnresolvedStar(Option.empty(), planId, CurrentOrigin.get()));
    }
    List<String> parts = Names.parse(colName);
    relation.scope(conf().caseSensitive()).resolve(parts, null);
    return new Column(
        new UnresolvedAttribute(Scala.seq(parts), planId, false, CurrentOrigin.get()));
  }

  @Override
  @Unsupported
  public Column metadataColumn(String colName) {
    throw MockSparkSession.unsupported("Dataset.metadataColumn(String)");
  }

  @Override
  public Column colRegex(String colName) {
    return new Column(
        new UnresolvedRegex(colName, Option.apply(relation.planId()), CurrentOrigin.get()));
  }

  @Override
  public Dataset<T> as(String alias) {
    return same(relation.withQualifier(alias));
  }

  @Override
  public Dataset<Row> select(Seq<Column> cols) {
    return rows(Projections.select(relation, nodes(cols), conf(), session.udfRegistry()));
  }

  @Override
  public <U1> Dataset<U1> select(TypedColumn<T, U1> c1) {
    Relation r = Projections.select(relation, List.of(c1.node()), conf(), session.udfRegistry());
    return session.wrap(r, c1.encoder());
  }

  @Override
  @Unsupported
  public Dataset<?> selectUntyped(Seq<TypedColumn<?, ?>> columns) {
    throw MockSparkSession.unsupported("Dataset.select(TypedColumn...) with several typed columns");
  }

  @Override
  public Dataset<T> filter(Column condition) {
    return same(Projections.filter(relation, condition.node(), conf(), session.udfRegistry()));
  }

  private Dataset<T> filterObjects(java.util.function.Predicate<T> p) {
    SessionConf conf = conf();
    Relation r =
        Relation.derived(
            relation.fields(),
            List.of(relation),
            () -> {
              List<Object[]> out = new ArrayList<>();
              for (Object[] row : relation.rows()) {
                if (p.test(decode(row, conf))) {
                  out.add(row);
                }
              }
              return out;
            });
    return same(r);
  }

  @Override
  public Dataset<T> filter(Function1<T, Object> func) {
    return filterObjects(t -> Boolean.TRUE.equals(func.apply(t)));
  }

  @Override
  public Dataset<T> filter(FilterFunction<T> func) {
    return filterObjects(
        t -> {
          try {
            return func.call(t);
          } catch (Exception e) {
            throw UserCode.failure(e);
          }
        });
  }

  @Override
  public RelationalGroupedDataset groupBy(Seq<Column> cols) {
    return new MockGroupedDataset(session, relation, nodes(cols), null);
  }

  @Override
  public RelationalGroupedDataset rollup(Seq<Column> cols) {
    List<ColumnNode> g = nodes(cols);
    List<List<Integer>> sets = new ArrayList<>();
    for (int k = g.size(); k >= 0; k--) {
      List<Integer> set = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        set.add(i);
      }
      sets.add(set);
    }
    return new MockGroupedDataset(session, relation, g, sets);
  }

  @Override
  public RelationalGroupedDataset cube(Seq<Column> cols) {
    List<ColumnNode> g = nodes(cols);
    int n = g.size();
    List<List<Integer>> sets = new ArrayList<>();
    for (int mask = (1 << n) - 1; mask >= 0; mask--) {
      List<Integer> set = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if ((mask & (1 << (n - 1 - i))) != 0) {
          set.add(i);
        }
      }
      sets.add(set);
    }
    return new MockGroupedDataset(session, relation, g, sets);
  }

  @Override
  public RelationalGroupedDataset groupingSets(
      Seq<Seq<Column>> groupingSets, Seq<Column> groupingExprs) {
    List<ColumnNode> g = nodes(groupingExprs);
    List<String> keys = g.stream().map(ColumnNode::sql).toList();
    List<List<Integer>> sets = new ArrayList<>();
    for (Seq<Column> set : Scala.list(groupingSets)) {
      List<Integer> positions = new ArrayList<>();
      for (ColumnNode n : nodes(set)) {
        int idx = keys.indexOf(n.sql());
        if (idx < 0) {
          throw Errors.analysis(
              "GROUPING_SETS_EXPR_NOT_IN_GROUPING_EXPRS", "expression", Errors.sqlExpr(n.sql()));
        }
        positions.add(idx);
      }
      sets.add(positions);
    }
    return new MockGroupedDataset(session, relation, g, sets);
  }

  @Override
  public T reduce(Function2<T, T, T> func) {
    List<T> all = decodeAll();
    if (all.isEmpty()) {
      throw new UnsupportedOperationException("empty collection");
    }
    T acc = all.get(0);
    for (int i = 1; i < all.size(); i++) {
      acc = func.apply(acc, all.get(i));
    }
    return acc;
  }

  @Override
  public <K> KeyValueGroupedDataset<K, T> groupByKey(Function1<T, K> func, Encoder<K> enc) {
    SessionConf conf = conf();
    return new MockKeyValueGroupedDataset<>(
        session,
        relation,
        row -> func.apply(decode(row, conf)),
        enc,
        row -> decode(row, conf),
        encoder());
  }

  @Override
  public Dataset<Row> unpivot(
      Column[] ids, Column[] values, String variableColumnName, String valueColumnName) {
    return rows(
        Reshape.unpivot(session, relation, ids, values, variableColumnName, valueColumnName));
  }

  @Override
  public Dataset<Row> unpivot(Column[] ids, String variableColumnName, String valueColumnName) {
    return rows(Reshape.unpivot(session, relation, ids, null, variableColumnName, valueColumnName));
  }

  @Override
  @Unsupported
  public Dataset<Row> transpose(Column indexColumn) {
    throw MockSparkSession.unsupported("Dataset.transpose(Column)");
  }

  @Override
  @Unsupported
  public Dataset<Row> transpose() {
    throw MockSparkSession.unsupported("Dataset.transpose()");
  }

  @Override
  @Unsupported
  public Dataset<T> observe(String name, Column expr, Seq<Column> exprs) {
    throw MockSparkSession.unsupported("Dataset.observe(String, Column...)");
  }

  @Override
  @Unsupported
  public Dataset<T> observe(Observation observation, Column expr, Seq<Column> exprs) {
    throw MockSparkSession.unsupported("Dataset.observe(Observation, Column...)");
  }

  @Override
  public Dataset<T> limit(int n) {
    return same(Projections.limit(relation, n));
  }

  @Override
  public Dataset<T> offset(int n) {
    return same(Projections.offset(relation, n));
  }

  @Override
  public Dataset<T> union(Dataset<T> other) {
    return same(SetOperations.union(relation, relationOf(other), conf()));
  }

  @Override
  public Dataset<T> unionByName(Dataset<T> other, boolean allowMissingColumns) {
    return same(
        SetOperations.unionByName(relation, relationOf(other), allowMissingColumns, conf()));
  }

  @Override
  public Dataset<T> intersect(Dataset<T> other) {
    return same(SetOperations.intersect(relation, relationOf(other), false, conf()));
  }

  @Override
  public Dataset<T> intersectAll(Dataset<T> other) {
    return same(SetOperations.intersect(relation, relationOf(other), true, conf()));
  }

  @Override
  public Dataset<T> except(Dataset<T> other) {
    return same(SetOperations.except(relation, relationOf(other), false, conf()));
  }

  @Override
  public Dataset<T> exceptAll(Dataset<T> other) {
    return same(SetOperations.except(relation, relationOf(other), true, conf()));
  }

  @Override
  public Dataset<T> sample(boolean withReplacement, double fraction, long seed) {
    return same(Sampling.sample(relation, withReplacement, fraction, seed));
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Dataset<T>[] randomSplit(double[] weights, long seed) {
    List<Dataset<T>> list = randomSplitAsList(weights, seed);
    return list.toArray(new Dataset[0]);
  }

  @Override
  public List<Dataset<T>> randomSplitAsList(double[] weights, long seed) {
    List<Dataset<T>> out = new ArrayList<>();
    for (Relation r : Sampling.split(relation, weights, seed)) {
      out.add(same(r));
    }
    return out;
  }

  @Override
  public Dataset<T>[] randomSplit(double[] weights) {
    return randomSplit(weights, new java.util.Random().nextLong());
  }

  @Override
  @Unsupported
  public <A extends scala.Product> Dataset<Row> explode(
      Seq<Column> input,
      Function1<Row, scala.collection.IterableOnce<A>> f,
      TypeTags.TypeTag<A> tag) {
    throw MockSparkSession.unsupported(
        "Dataset.explode(Seq, Function1, TypeTag) (deprecated; use functions.explode)");
  }

  @Override
  @Unsupported
  public <A, B> Dataset<Row> explode(
      String inputColumn,
      String outputColumn,
      Function1<A, scala.collection.IterableOnce<B>> f,
      TypeTags.TypeTag<B> tag) {
    throw MockSparkSession.unsupported(
        "Dataset.explode(String, String, Function1, TypeTag) (deprecated; use functions.explode)");
  }

  @Override
  public Dataset<Row> withColumns(Seq<String> colNames, Seq<Column> cols) {
    return rows(Reshape.withColumns(session, relation, Scala.list(colNames), nodes(cols)));
  }

  @Override
  public Dataset<Row> withColumnsRenamed(Seq<String> existing, Seq<String> newNames) {
    return rows(Reshape.rename(session, relation, Scala.list(existing), Scala.list(newNames)));
  }

  @Override
  @Unsupported
  public Dataset<Row> withMetadata(String columnName, Metadata metadata) {
    throw MockSparkSession.unsupported(
        "Dataset.withMetadata(String, Metadata) (column metadata is not kept)");
  }

  @Override
  public Dataset<Row> drop(Seq<String> colNames) {
    return rows(Reshape.dropNames(session, relation, Scala.list(colNames)));
  }

  @Override
  public Dataset<Row> drop(Column col, Seq<Column> cols) {
    List<ColumnNode> all = new ArrayList<>();
    all.add(col.node());
    all.addAll(nodes(cols));
    return rows(Reshape.dropColumns(session, relation, all));
  }

  @Override
  public Dataset<T> dropDuplicates() {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < relation.fields().size(); i++) {
      all.add(i);
    }
    return same(SetOperations.dropDuplicates(relation, all));
  }

  @Override
  public Dataset<T> dropDuplicates(Seq<String> colNames) {
    List<Integer> positions = new ArrayList<>();
    for (String n : Scala.list(colNames)) {
      boolean found = false;
      for (int i = 0; i < relation.fields().size(); i++) {
        if (Names.same(relation.fields().get(i).name(), n, conf().caseSensitive())) {
          positions.add(i);
          found = true;
        }
      }
      if (!found) {
        throw Errors.analysis(
            "_LEGACY_ERROR_TEMP_1201",
            "colName",
            n,
            "fieldNames",
            String.join(", ", relation.fields().stream().map(Field::name).toList()));
      }
    }
    return same(SetOperations.dropDuplicates(relation, positions));
  }

  @Override
  @Unsupported
  public Dataset<T> dropDuplicatesWithinWatermark() {
    throw MockSparkSession.unsupported("Dataset.dropDuplicatesWithinWatermark()");
  }

  @Override
  @Unsupported
  public Dataset<T> dropDuplicatesWithinWatermark(Seq<String> colNames) {
    throw MockSparkSession.unsupported("Dataset.dropDuplicatesWithinWatermark(Seq)");
  }

  @Override
  public Dataset<Row> describe(Seq<String> cols) {
    return rows(Summary.describe(session, relation, Scala.list(cols)));
  }

  @Override
  public Dataset<Row> summary(Seq<String> statistics) {
    return rows(Summary.summary(session, relation, Scala.list(statistics)));
  }

  @Override
  public Object head(int n) {
    List<T> all = decodeAll();
    return toArray(all.subList(0, Math.max(0, Math.min(n, all.size()))));
  }

  private <U> Dataset<U> mapRows(java.util.function.Function<T, Iterator<U>> f, Encoder<U> enc) {
    SessionConf conf = conf();
    StructType schema = enc.schema();
    Relation r =
        Relation.derived(
            MockSparkSession.fields(schema),
            List.of(relation),
            () -> {
              List<Object[]> out = new ArrayList<>();
              for (Object[] row : relation.rows()) {
                Iterator<U> it = f.apply(decode(row, conf));
                while (it.hasNext()) {
                  out.add(Encoding.toRow(it.next(), enc));
                }
              }
              return out;
            });
    return session.wrap(r, enc);
  }

  @Override
  public <U> Dataset<U> map(Function1<T, U> func, Encoder<U> enc) {
    return mapRows(t -> List.of(func.apply(t)).iterator(), enc);
  }

  @Override
  public <U> Dataset<U> map(MapFunction<T, U> func, Encoder<U> enc) {
    return mapRows(
        t -> {
          try {
            return java.util.Collections.singletonList(func.call(t)).iterator();
          } catch (Exception e) {
            throw UserCode.failure(e);
          }
        },
        enc);
  }

  @Override
  public <U> Dataset<U> mapPartitions(
      Function1<scala.collection.Iterator<T>, scala.collection.Iterator<U>> func, Encoder<U> enc) {
    SessionConf conf = conf();
    Relation r =
        Relation.derived(
            MockSparkSession.fields(enc.schema()),
            List.of(relation),
            () -> {
              List<T> in = new ArrayList<>();
              for (Object[] row : relation.rows()) {
                in.add(decode(row, conf));
              }
              scala.collection.Iterator<U> it =
                  func.apply(scala.jdk.javaapi.CollectionConverters.asScala(in.iterator()));
              List<Object[]> out = new ArrayList<>();
              while (it.hasNext()) {
                out.add(Encoding.toRow(it.next(), enc));
              }
              return out;
            });
    return session.wrap(r, enc);
  }

  @Override
  public void foreachPartition(Function1<scala.collection.Iterator<T>, BoxedUnit> f) {
    f.apply(scala.jdk.javaapi.CollectionConverters.asScala(decodeAll().iterator()));
  }

  @Override
  public Object tail(int n) {
    List<T> all = decodeAll();
    return toArray(all.subList(Math.max(0, all.size() - Math.max(0, n)), all.size()));
  }

  @Override
  public Object collect() {
    return toArray(decodeAll());
  }

  @Override
  public List<T> collectAsList() {
    return decodeAll();
  }

  @Override
  public Iterator<T> toLocalIterator() {
    return decodeAll().iterator();
  }

  @Override
  public long count() {
    long[] n = {0};
    relation.forEachResult(r -> n[0]++);
    return n[0];
  }

  @Override
  public Dataset<T> repartition(int numPartitions) {
    return this;
  }

  @Override
  public Dataset<T> repartitionByExpression(Option<Object> numPartitions, Seq<Column> exprs) {
    Projections.sort(relation, nodes(exprs), conf(), session.udfRegistry());
    return this;
  }

  @Override
  public Dataset<T> repartitionByRange(Option<Object> numPartitions, Seq<Column> exprs) {
    Projections.sort(relation, nodes(exprs), conf(), session.udfRegistry());
    return this;
  }

  @Override
  public Dataset<T> repartitionById(int numPartitions, Column partitionIdExpr) {
    return this;
  }

  @Override
  public Dataset<T> coalesce(int numPartitions) {
    return this;
  }

  @Override
  public Dataset<T> persist() {
    return persist(StorageLevel.MEMORY_AND_DISK());
  }

  @Override
  public Dataset<T> cache() {
    return persist();
  }

  @Override
  public Dataset<T> persist(StorageLevel newLevel) {
    storageLevel = newLevel;
    relation.keep();
    return this;
  }

  @Override
  public StorageLevel storageLevel() {
    return storageLevel;
  }

  @Override
  public Dataset<T> unpersist(boolean blocking) {
    storageLevel = StorageLevel.NONE();
    return this;
  }

  @Override
  public Dataset<T> unpersist() {
    return unpersist(false);
  }

  @Override
  public void createTempView(String viewName, boolean replace, boolean global) {
    session
        .sessionCatalog()
        .createTempView(
            viewName,
            new dev.forgeline.mock.catalog.CatalogTable(
                null,
                viewName,
                dev.forgeline.mock.catalog.CatalogTable.Kind.TEMPORARY,
                relation.fields(),
                relation,
                null,
                null,
                null,
                Map.of()),
            replace,
            global);
  }

  @Override
  @Unsupported
  public MergeIntoWriter<T> mergeInto(String table, Column condition) {
    throw MockSparkSession.unsupported("Dataset.mergeInto(String, Column)");
  }

  @Override
  @Unsupported
  public DataStreamWriter<T> writeStream() {
    throw MockSparkSession.unsupported("Dataset.writeStream()");
  }

  @Override
  public DataFrameWriterV2<T> writeTo(String table) {
    return new MockDataFrameWriterV2<>(session, this, table);
  }

  @Override
  public Dataset<String> toJSON() {
    SessionConf conf = conf();
    Relation r =
        Relation.derived(
            List.of(Field.of("value", DataTypes.StringType, true)),
            List.of(relation),
            () -> {
              List<Object[]> out = new ArrayList<>();
              for (Object[] row : relation.rows()) {
                out.add(new Object[] {JsonText.row(row, relation.fields(), conf.zone())});
              }
              return out;
            });
    return session.wrap(r, Encoders.STRING());
  }

  @Override
  public String[] inputFiles() {
    return new String[0];
  }

  @Override
  public boolean sameSemantics(Dataset<T> other) {
    return other instanceof MockDataset<?> m && m.relation == relation;
  }

  @Override
  public int semanticHash() {
    return System.identityHashCode(relation);
  }

  @Override
  public DataFrameWriter<T> write() {
    return new MockDataFrameWriter<>(session, relation);
  }

  @Override
  @Unsupported
  public RDD<T> rdd() {
    throw MockSparkSession.unsupported("Dataset.rdd()");
  }

  @Override
  @Unsupported
  public JavaRDD<T> toJavaRDD() {
    throw MockSparkSession.unsupported("Dataset.toJavaRDD()");
  }
}
