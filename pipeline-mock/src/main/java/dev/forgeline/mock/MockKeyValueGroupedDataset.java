package dev.forgeline.mock;

import dev.forgeline.mock.engine.Binder;
import dev.forgeline.mock.engine.Encoding;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.Scala;
import dev.forgeline.mock.engine.SessionConf;
import dev.forgeline.mock.engine.SortKey;
import dev.forgeline.mock.engine.Sorting;
import dev.forgeline.mock.engine.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.KeyValueGroupedDataset;
import org.apache.spark.sql.TypedColumn;
import org.apache.spark.sql.streaming.GroupState;
import org.apache.spark.sql.streaming.GroupStateTimeout;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StatefulProcessor;
import org.apache.spark.sql.streaming.StatefulProcessorWithInitialState;
import org.apache.spark.sql.streaming.TimeMode;
import scala.Function1;
import scala.Function2;
import scala.Function3;
import scala.Tuple2;
import scala.collection.IterableOnce;
import scala.collection.immutable.Seq;

/**
 * groupByKey: the source relation's rows grouped by a key computed from each decoded value, with
 * the typed group operations (mapGroups, flatMapGroups, flatMapSortedGroups, reduceGroups, keys,
 * mapValues, cogroup). Groups come out in first-seen order; streaming state and typed aggregations
 * are not supported.
 */
final class MockKeyValueGroupedDataset<K, V> extends KeyValueGroupedDataset<K, V> {
  private static final long serialVersionUID = 1L;

  private final transient MockSparkSession session;
  private final transient Relation source;
  private final transient Function<Object[], K> key;
  private final transient Encoder<K> keyEncoder;
  private final transient Function<Object[], V> value;
  private final transient Encoder<V> valueEncoder;

  MockKeyValueGroupedDataset(
      MockSparkSession session,
      Relation source,
      Function<Object[], K> key,
      Encoder<K> keyEncoder,
      Function<Object[], V> value,
      Encoder<V> valueEncoder) {
    this.session = session;
    this.source = source;
    this.key = key;
    this.keyEncoder = keyEncoder;
    this.value = value;
    this.valueEncoder = valueEncoder;
  }

  /** The groups: key to the source rows of that key, in first-seen order. */
  private Map<Object, Map.Entry<K, List<Object[]>>> groups() {
    Map<Object, Map.Entry<K, List<Object[]>>> out = new LinkedHashMap<>();
    for (Object[] row : source.rows()) {
      K k = key.apply(row);
      Object id = Values.key(Encoding.toRow(k, keyEncoder));
      out.computeIfAbsent(id, x -> Map.entry(k, new ArrayList<>())).getValue().add(row);
    }
    return out;
  }

  private List<V> values(List<Object[]> rows) {
    List<V> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      out.add(value.apply(r));
    }
    return out;
  }

  private <U> Dataset<U> fromGroups(
      Function<Map<Object, Map.Entry<K, List<Object[]>>>, List<U>> body, Encoder<U> enc) {
    Relation r =
        Relation.derived(
            MockSparkSession.fields(enc.schema()),
            List.of(source),
            () -> {
              List<Object[]> out = new ArrayList<>();
              for (U u : body.apply(groups())) {
                out.add(Encoding.toRow(u, enc));
              }
              return out;
            });
    return session.wrap(r, enc);
  }

  @Override
  public <L> KeyValueGroupedDataset<L, V> keyAs(Encoder<L> enc) {
    SessionConf conf = session.sessionConf();
    Function<Object[], L> newKey =
        row -> {
          Object[] encoded = Encoding.toRow(key.apply(row), keyEncoder);
          @SuppressWarnings("unchecked")
          L l = (L) Encoding.fromRow(encoded, keyEncoder.schema(), enc, conf);
          return l;
        };
    return new MockKeyValueGroupedDataset<>(session, source, newKey, enc, value, valueEncoder);
  }

  @Override
  public <W> KeyValueGroupedDataset<K, W> mapValues(Function1<V, W> func, Encoder<W> enc) {
    return new MockKeyValueGroupedDataset<>(
        session, source, key, keyEncoder, row -> func.apply(value.apply(row)), enc);
  }

  @Override
  public Dataset<K> keys() {
    return fromGroups(
        g -> {
          List<K> out = new ArrayList<>();
          for (Map.Entry<K, List<Object[]>> e : g.values()) {
            out.add(e.getKey());
          }
          return out;
        },
        keyEncoder);
  }

  @Override
  public <U> Dataset<U> flatMapSortedGroups(
      Seq<Column> sortExprs,
      Function2<K, scala.collection.Iterator<V>, IterableOnce<U>> f,
      Encoder<U> enc) {
    SessionConf conf = session.sessionConf();
    Binder b = Binder.rows(source.scope(conf.caseSensitive()), conf, session.udfRegistry());
    List<SortKey> keys = new ArrayList<>();
    for (Column c : Scala.list(sortExprs)) {
      keys.add(Sorting.key(b, c.node()));
    }
    int width = b.width();
    return fromGroups(
        g -> {
          List<U> out = new ArrayList<>();
          for (Map.Entry<K, List<Object[]>> e : g.values()) {
            List<Object[]> rows = new ArrayList<>();
            for (Object[] r : e.getValue()) {
              rows.add(java.util.Arrays.copyOf(r, Math.max(r.length, width)));
            }
            rows.sort(SortKey.comparator(keys));
            scala.collection.Iterator<V> it =
                scala.jdk.javaapi.CollectionConverters.asScala(values(rows).iterator());
            f.apply(e.getKey(), it).iterator().foreach(out::add);
          }
          return out;
        },
        enc);
  }

  @Override
  public Dataset<Tuple2<K, V>> reduceGroups(Function2<V, V, V> f) {
    return fromGroups(
        g -> {
          List<Tuple2<K, V>> out = new ArrayList<>();
          for (Map.Entry<K, List<Object[]>> e : g.values()) {
            List<V> vs = values(e.getValue());
            V acc = vs.get(0);
            for (int i = 1; i < vs.size(); i++) {
              acc = f.apply(acc, vs.get(i));
            }
            out.add(new Tuple2<>(e.getKey(), acc));
          }
          return out;
        },
        Encoders.tuple(keyEncoder, valueEncoder));
  }

  @Override
  @Unsupported
  public Dataset<?> aggUntyped(Seq<TypedColumn<?, ?>> columns) {
    throw MockSparkSession.unsupported("KeyValueGroupedDataset.agg(TypedColumn...) and count()");
  }

  @Override
  public <U, R> Dataset<R> cogroupSorted(
      KeyValueGroupedDataset<K, U> other,
      Seq<Column> thisSortExprs,
      Seq<Column> otherSortExprs,
      Function3<K, scala.collection.Iterator<V>, scala.collection.Iterator<U>, IterableOnce<R>> f,
      Encoder<R> enc) {
    if (!(other instanceof MockKeyValueGroupedDataset<K, U> right)) {
      throw MockSparkSession.unsupported("cogroup with a grouped dataset of another session");
    }
    if (!Scala.list(thisSortExprs).isEmpty() || !Scala.list(otherSortExprs).isEmpty()) {
      throw MockSparkSession.unsupported(
          "KeyValueGroupedDataset.cogroupSorted with sort expressions");
    }
    return fromGroups(
        left -> {
          Map<Object, Map.Entry<K, List<Object[]>>> rightGroups = right.groups();
          Map<Object, K> keys = new LinkedHashMap<>();
          left.forEach((id, e) -> keys.put(id, e.getKey()));
          rightGroups.forEach((id, e) -> keys.putIfAbsent(id, e.getKey()));
          List<R> out = new ArrayList<>();
          for (Map.Entry<Object, K> k : keys.entrySet()) {
            List<V> lv =
                left.containsKey(k.getKey()) ? values(left.get(k.getKey()).getValue()) : List.of();
            List<U> rv =
                rightGroups.containsKey(k.getKey())
                    ? right.values(rightGroups.get(k.getKey()).getValue())
                    : List.of();
            f.apply(
                    k.getValue(),
                    scala.jdk.javaapi.CollectionConverters.asScala(lv.iterator()),
                    scala.jdk.javaapi.CollectionConverters.asScala(rv.iterator()))
                .iterator()
                .foreach(out::add);
          }
          return out;
        },
        enc);
  }

  @Override
  @Unsupported
  public <S, U> Dataset<U> mapGroupsWithState(
      Function3<K, scala.collection.Iterator<V>, GroupState<S>, U> f,
      Encoder<S> stateEncoder,
      Encoder<U> outputEncoder) {
    throw MockSparkSession.unsupported(
        "KeyValueGroupedDataset.mapGroupsWithState (streaming state)");
  }

  @Override
  @Unsupported
  public <S, U> Dataset<U> mapGroupsWithState(
      GroupStateTimeout timeout,
      Function3<K, scala.collection.Iterator<V>, GroupState<S>, U> f,
      Encoder<S> stateEncoder,
      Encoder<U> outputEncoder) {
    throw MockSparkSession.unsupported(
        "KeyValueGroupedDataset.mapGroupsWithState (streaming state)");
  }

  @Override
  @Unsupported
  public <S, U> Dataset<U> mapGroupsWithState(
      GroupStateTimeout timeout,
      KeyValueGroupedDataset<K, S> initialState,
      Function3<K, scala.collection.Iterator<V>, GroupState<S>, U> f,
      Encoder<S> stateEncoder,
      Encoder<U> outputEncoder) {
    throw MockSparkSession.unsupported(
        "KeyValueGroupedDataset.mapGroupsWithState (streaming state)");
  }

  @Override
  @Unsupported
  public <S, U> Dataset<U> flatMapGroupsWithState(
      OutputMode mode,
      GroupStateTimeout timeout,
      Function3<K, scala.collection.Iterator<V>, GroupState<S>, scala.collection.Iterator<U>> f,
      Encoder<S> stateEncoder,
      Encoder<U> outputEncoder) {
    throw MockSparkSession.unsupported(
        "KeyValueGroupedDataset.flatMapGroupsWithState (streaming state)");
  }

  @Override
  @Unsupported
  public <S, U> Dataset<U> flatMapGroupsWithState(
      OutputMode mode,
      GroupStateTimeout timeout,
      KeyValueGroupedDataset<K, S> initialState,
      Function3<K, scala.collection.Iterator<V>, GroupState<S>, scala.collection.Iterator<U>> f,
      Encoder<S> stateEncoder,
      Encoder<U> outputEncoder) {
    throw MockSparkSession.unsupported(
        "KeyValueGroupedDataset.flatMapGroupsWithState (streaming state)");
  }

  @Override
  @Unsupported
  public <U> Dataset<U> transformWithState(
      StatefulProcessor<K, V, U> processor,
      TimeMode timeMode,
      OutputMode outputMode,
      Encoder<U> outputEncoder) {
    throw MockSparkSession.unsupported(
        "KeyValueGroupedDataset.transformWithState (streaming state)");
  }

  @Override
  @Unsupported
  public <U> Dataset<U> transformWithState(
      StatefulProcessor<K, V, U> processor,
      String eventTimeColumnName,
      OutputMode outputMode,
      Encoder<U> outputEncoder) {
    throw MockSparkSession.unsupported(
        "KeyValueGroupedDataset.transformWithState (streaming state)");
  }

  @Override
  @Unsupported
  public <U, S> Dataset<U> transformWithState(
      StatefulProcessorWithInitialState<K, V, U, S> processor,
      TimeMode timeMode,
      OutputMode outputMode,
      KeyValueGroupedDataset<K, S> initialState,
      Encoder<U> outputEncoder,
      Encoder<S> initialStateEncoder) {
    throw MockSparkSession.unsupported(
        "KeyValueGroupedDataset.transformWithState (streaming state)");
  }

  @Override
  @Unsupported
  public <U, S> Dataset<U> transformWithState(
      StatefulProcessorWithInitialState<K, V, U, S> processor,
      String eventTimeColumnName,
      OutputMode outputMode,
      KeyValueGroupedDataset<K, S> initialState,
      Encoder<U> outputEncoder,
      Encoder<S> initialStateEncoder) {
    throw MockSparkSession.unsupported(
        "KeyValueGroupedDataset.transformWithState (streaming state)");
  }
}
