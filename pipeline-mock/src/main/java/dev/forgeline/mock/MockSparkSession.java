package dev.forgeline.mock;

import dev.forgeline.mock.engine.Encoding;
import dev.forgeline.mock.engine.Field;
import dev.forgeline.mock.engine.NotSupported;
import dev.forgeline.mock.engine.Relation;
import dev.forgeline.mock.engine.RowCodec;
import dev.forgeline.mock.engine.Scala;
import dev.forgeline.mock.engine.SessionConf;
import dev.forgeline.mock.fn.FunctionRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.ExperimentalMethods;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SQLImplicits;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.TableValuedFunction;
import org.apache.spark.sql.UDFRegistration;
import org.apache.spark.sql.catalog.Catalog;
import org.apache.spark.sql.internal.SessionState;
import org.apache.spark.sql.internal.SharedState;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.StreamingQueryManager;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.ExecutionListenerManager;
import scala.collection.immutable.Seq;
import scala.reflect.api.TypeTags;

/**
 * An in-memory implementation of Spark 4's abstract {@link SparkSession} for fast tests: user code
 * written against {@code Dataset<Row>}, {@code Column} and {@code functions} runs unchanged, in
 * milliseconds, without a Spark runtime. Datasets are immutable values and safe to build and
 * collect from many threads. Methods the mock does not support are marked {@link Unsupported} and
 * throw {@link UnsupportedOperationException} naming the method.
 *
 * <pre>{@code
 * SparkSession spark = MockSparkSession.builder().config("spark.sql.session.timeZone", "UTC").build();
 * Dataset<Row> df = spark.createDataFrame(rows, schema).filter(col("age").gt(30));
 * }</pre>
 *
 * <p>The session advertises itself as the mock backend with {@code
 * spark.forgeline.backend.sequential=true} in its conf.
 *
 * @since 0.1.0
 */
public final class MockSparkSession extends SparkSession {
  private static final long serialVersionUID = 1L;

  /** The conf key by which the mock tells pipeline-core to run sequentially by default. */
  public static final String SEQUENTIAL_KEY = "spark.forgeline.backend.sequential";

  /**
   * The conf key by which the mock names its Delta upsert ({@link MockDeltaTable#upsert}) to
   * pipeline-core's {@code Repository.upsert}, which cannot use Delta's own DeltaTable here.
   */
  public static final String DELTA_UPSERT_KEY = "spark.forgeline.backend.deltaUpsert";

  private final transient MockRuntimeConfig conf;
  private final transient Clock clock;
  private final transient Storage storage;
  private final transient dev.forgeline.mock.catalog.SessionCatalog sessionCatalog;
  private final transient dev.forgeline.mock.catalog.Tables tables;
  private final transient MockUdfRegistration udfs = new MockUdfRegistration();
  private final transient InheritableThreadLocal<Set<String>> tags =
      new InheritableThreadLocal<>() {
        @Override
        protected Set<String> initialValue() {
          return new LinkedHashSet<>();
        }

        @Override
        protected Set<String> childValue(Set<String> parent) {
          return new LinkedHashSet<>(parent);
        }
      };
  private volatile boolean closed;

  private MockSparkSession(Map<String, String> settings, Clock clock, Storage storage) {
    FunctionRegistry.load();
    this.conf = new MockRuntimeConfig(settings);
    this.clock = clock;
    this.storage = storage;
    this.sessionCatalog = new dev.forgeline.mock.catalog.SessionCatalog(storage.catalog);
    this.tables = new dev.forgeline.mock.catalog.Tables(sessionCatalog, new SessionFrames());
  }

  /** Frames of this session over relations, for the catalog. */
  private final class SessionFrames implements dev.forgeline.mock.catalog.Frames {
    @Override
    public Dataset<Row> wrap(Relation relation) {
      return wrapRows(relation);
    }

    @Override
    public Relation unwrap(Dataset<?> frame) {
      return ((MockDataset<?>) frame).relation();
    }

    @Override
    public Dataset<Row> runView(String sqlText) {
      return sql(sqlText);
    }
  }

  /**
   * Starts building a session. The builder is a {@link SparkSession.Builder}, so code that
   * configures a builder works unchanged; it needs only spark-sql-api on the classpath.
   *
   * @return a new builder; never null
   * @since 0.1.0
   */
  public static Builder builder() {
    return Builder.newInstance();
  }

  /**
   * A session with default settings.
   *
   * @return a new session; never null
   * @since 0.1.0
   */
  public static MockSparkSession create() {
    return create(Map.of());
  }

  /**
   * A session with the given settings on top of the defaults. Unlike {@link #builder()}, which is a
   * {@link SparkSession.Builder} and so needs a Spark implementation (spark-sql) on the classpath,
   * this works with spark-sql-api alone.
   *
   * @param settings conf keys and values, not null
   * @return a new session; never null
   * @since 0.1.0
   */
  public static MockSparkSession create(Map<String, String> settings) {
    Objects.requireNonNull(settings, "settings");
    Map<String, String> all = new LinkedHashMap<>(defaults());
    all.putAll(settings);
    return new MockSparkSession(all, Clock.systemUTC(), new Storage());
  }

  /**
   * Builds {@link MockSparkSession}s. It is a {@link SparkSession.Builder} so code that configures
   * a builder works unchanged; setting the same key twice fails at once, naming the key and its old
   * value, and options that need a Spark runtime are not supported.
   *
   * @since 0.1.0
   */
  public static final class Builder extends SparkSession.Builder {
    private Map<String, String> settings;
    private Clock clock;

    private Builder() {
      settings = new LinkedHashMap<>();
    }

    /**
     * Creates a builder without running {@link SparkSession.Builder}'s constructor: that
     * constructor looks up Spark's classic or Connect session by Scala reflection, which costs
     * seconds on first use and fails without spark-sql. Every method of this builder is overridden,
     * so the inherited (unset) state is never read. Falls back to the ordinary constructor if the
     * JDK's serialization constructor factory is unavailable.
     */
    static Builder newInstance() {
      return newInstance(PlainConstructor.INSTANCE);
    }

    /**
     * A builder made with {@code plain} (the serialization constructor), or with the ordinary
     * constructor when {@code plain} is null or fails: the supported fallback on a JDK without
     * {@code sun.reflect.ReflectionFactory}. Tests call it with null to prove the fallback works
     * with spark-sql on the class path, and fails without it (why the JDK path is needed).
     */
    static Builder newInstance(java.lang.reflect.Constructor<?> plain) {
      if (plain != null) {
        try {
          Builder b = (Builder) plain.newInstance();
          b.settings = new LinkedHashMap<>();
          return b;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
          // fall through to the ordinary constructor
        }
      }
      return new Builder();
    }

    /**
     * The serialization constructor, looked up once: each lookup generates an accessor class, so
     * looking it up per builder made every session start pay for class generation.
     */
    private static final class PlainConstructor {
      static final java.lang.reflect.Constructor<?> INSTANCE = lookUp();

      private static java.lang.reflect.Constructor<?> lookUp() {
        try {
          Class<?> factoryClass = Class.forName("sun.reflect.ReflectionFactory");
          Object factory = factoryClass.getMethod("getReflectionFactory").invoke(null);
          return (java.lang.reflect.Constructor<?>)
              factoryClass
                  .getMethod(
                      "newConstructorForSerialization",
                      Class.class,
                      java.lang.reflect.Constructor.class)
                  .invoke(factory, Builder.class, Object.class.getDeclaredConstructor());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
          return null;
        }
      }
    }

    /** The settings given so far, as the inherited accessor reports them. */
    @Override
    public scala.collection.mutable.HashMap<String, String> options() {
      scala.collection.mutable.HashMap<String, String> out =
          new scala.collection.mutable.HashMap<>();
      settings.forEach(out::put);
      return out;
    }

    @Override
    public boolean handleBuilderConfig(String key, String value) {
      return false;
    }

    /**
     * Sets a conf value.
     *
     * @param key the key, not null
     * @param value the value, not null
     * @return this builder
     * @throws IllegalStateException if the key was already set
     */
    @Override
    public Builder config(String key, String value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      String old = settings.putIfAbsent(key, value);
      if (old != null) {
        throw new IllegalStateException(
            "config key [" + key + "] was already set to [" + old + "]");
      }
      return this;
    }

    @Override
    public Builder config(String key, long value) {
      return config(key, String.valueOf(value));
    }

    @Override
    public Builder config(String key, double value) {
      return config(key, String.valueOf(value));
    }

    @Override
    public Builder config(String key, boolean value) {
      return config(key, String.valueOf(value));
    }

    @Override
    public Builder config(java.util.Map<String, Object> map) {
      map.forEach((k, v) -> config(k, String.valueOf(v)));
      return this;
    }

    @Override
    public Builder config(scala.collection.immutable.Map<String, Object> map) {
      return config(Scala.javaMap(map));
    }

    @Override
    @Unsupported
    public Builder config(org.apache.spark.SparkConf conf) {
      throw unsupported("SparkSession.Builder.config(SparkConf)");
    }

    /**
     * Sets {@code spark.app.name}.
     *
     * @param name the application name, not null
     * @return this builder
     */
    @Override
    public Builder appName(String name) {
      return config("spark.app.name", name);
    }

    /**
     * Sets {@code spark.master} (recorded only; the mock always runs in memory).
     *
     * @param master the master URL, not null
     * @return this builder
     */
    @Override
    public Builder master(String master) {
      return config("spark.master", master);
    }

    @Override
    @Unsupported
    public Builder enableHiveSupport() {
      throw unsupported("SparkSession.Builder.enableHiveSupport()");
    }

    @Override
    @Unsupported
    public Builder remote(String connectionString) {
      throw unsupported("SparkSession.Builder.remote(String)");
    }

    @Override
    @Unsupported
    public synchronized Builder sparkContext(SparkContext sparkContext) {
      throw unsupported("SparkSession.Builder.sparkContext(SparkContext)");
    }

    @Override
    @Unsupported
    public synchronized Builder withExtensions(
        scala.Function1<org.apache.spark.sql.SparkSessionExtensions, scala.runtime.BoxedUnit> f) {
      throw unsupported("SparkSession.Builder.withExtensions(Function1)");
    }

    @Override
    @Unsupported
    public Builder classic() {
      throw unsupported("SparkSession.Builder.classic()");
    }

    @Override
    @Unsupported
    public Builder connect() {
      throw unsupported("SparkSession.Builder.connect()");
    }

    /**
     * Sets the clock behind current_timestamp() and current_date() (the system UTC clock if unset).
     *
     * @param clock the clock, not null
     * @return this builder
     * @throws IllegalStateException if the clock was already set
     */
    public Builder clock(Clock clock) {
      Objects.requireNonNull(clock, "clock");
      if (this.clock != null) {
        throw new IllegalStateException("clock was already set to [" + this.clock + "]");
      }
      this.clock = clock;
      return this;
    }

    /**
     * Creates a new session (never a shared one: each call gives an independent session).
     *
     * @return a new session; never null
     */
    public MockSparkSession build() {
      Map<String, String> all = new LinkedHashMap<>(defaults());
      all.putAll(settings);
      return new MockSparkSession(all, clock == null ? Clock.systemUTC() : clock, new Storage());
    }

    /** Same as {@link #build()}: the mock keeps no global session. */
    @Override
    public MockSparkSession getOrCreate() {
      return build();
    }

    /** Same as {@link #build()}. */
    @Override
    public MockSparkSession create() {
      return build();
    }
  }

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("spark.app.name", "forgeline-mock");
    d.put("spark.master", "mock");
    d.put("spark.sql.session.timeZone", ZoneId.systemDefault().getId());
    d.put("spark.sql.ansi.enabled", "true");
    d.put("spark.sql.caseSensitive", "false");
    d.put("spark.sql.datetime.java8API.enabled", "false");
    d.put(SEQUENTIAL_KEY, "true");
    d.put(DELTA_UPSERT_KEY, MockDeltaTable.class.getName());
    return d;
  }

  /** Tables shared by a session and the sessions made from it with newSession(). */
  static final class Storage {
    final dev.forgeline.mock.catalog.SharedCatalog catalog =
        new dev.forgeline.mock.catalog.SharedCatalog();
    final Set<String> cachedTables = java.util.concurrent.ConcurrentHashMap.newKeySet();
  }

  /** The single factory of "not supported" errors. */
  static UnsupportedOperationException unsupported(String method) {
    return NotSupported.method(method);
  }

  /** The settings one query reads, captured now. */
  SessionConf sessionConf() {
    ParsedConf p = parsed;
    long version = conf.version();
    if (p == null || p.version != version) {
      p = parse(conf, version);
      parsed = p;
    }
    return new SessionConf(p.zone, p.ansi, p.caseSensitive, p.java8Api, clock.instant());
  }

  /** The conf values a query reads, parsed once per version of the conf. */
  private record ParsedConf(
      long version, ZoneId zone, boolean ansi, boolean caseSensitive, boolean java8Api) {}

  private volatile ParsedConf parsed;

  private static final Map<String, ZoneId> ZONES = new java.util.concurrent.ConcurrentHashMap<>();

  private static ParsedConf parse(MockRuntimeConfig s, long version) {
    String zoneId = s.get("spark.sql.session.timeZone", null);
    ZoneId zone =
        zoneId == null
            ? ZoneId.systemDefault()
            : ZONES.computeIfAbsent(zoneId, id -> ZoneId.of(id, ZoneId.SHORT_IDS));
    return new ParsedConf(
        version,
        zone,
        Boolean.parseBoolean(s.get("spark.sql.ansi.enabled", "true")),
        Boolean.parseBoolean(s.get("spark.sql.caseSensitive", "false")),
        Boolean.parseBoolean(s.get("spark.sql.datetime.java8API.enabled", "false")));
  }

  MockUdfRegistration udfRegistry() {
    return udfs;
  }

  Storage storage() {
    return storage;
  }

  dev.forgeline.mock.catalog.SessionCatalog sessionCatalog() {
    return sessionCatalog;
  }

  dev.forgeline.mock.catalog.Tables tables() {
    return tables;
  }

  private dev.forgeline.mock.sql.SqlEnv sqlEnv() {
    return new dev.forgeline.mock.sql.SqlEnv(
        this, sessionCatalog, tables, new dev.forgeline.mock.SessionFrames(this));
  }

  <T> Dataset<T> wrap(Relation relation, Encoder<T> encoder) {
    return new MockDataset<>(this, relation, encoder);
  }

  Dataset<Row> wrapRows(Relation relation) {
    return new MockDataset<>(this, relation, null);
  }

  static List<Field> fields(StructType schema) {
    List<Field> out = new ArrayList<>();
    for (var f : schema.fields()) {
      out.add(Field.of(f.name(), f.dataType(), f.nullable()));
    }
    return out;
  }

  @Override
  @Unsupported
  public SparkContext sparkContext() {
    throw unsupported("SparkSession.sparkContext()");
  }

  @Override
  public String version() {
    return "4.1.3";
  }

  @Override
  @Unsupported
  public SharedState sharedState() {
    throw unsupported("SparkSession.sharedState()");
  }

  @Override
  @Unsupported
  public SessionState sessionState() {
    throw unsupported("SparkSession.sessionState()");
  }

  @Override
  @Unsupported
  public SQLContext sqlContext() {
    throw unsupported("SparkSession.sqlContext()");
  }

  @Override
  public RuntimeConfig conf() {
    return conf;
  }

  @Override
  @Unsupported
  public ExecutionListenerManager listenerManager() {
    throw unsupported("SparkSession.listenerManager()");
  }

  @Override
  @Unsupported
  public ExperimentalMethods experimental() {
    throw unsupported("SparkSession.experimental()");
  }

  @Override
  public UDFRegistration udf() {
    return udfs;
  }

  @Override
  @Unsupported
  public StreamingQueryManager streams() {
    throw unsupported("SparkSession.streams()");
  }

  @Override
  public SparkSession newSession() {
    Map<String, String> s = new HashMap<>(defaults());
    s.put("spark.app.name", conf.get("spark.app.name", "forgeline-mock"));
    return new MockSparkSession(s, clock, storage);
  }

  @Override
  public Dataset<Row> emptyDataFrame() {
    return wrapRows(Relation.of(List.of(), List.of()));
  }

  @Override
  @Unsupported
  public <A extends scala.Product> Dataset<Row> createDataFrame(
      Seq<A> data, TypeTags.TypeTag<A> tag) {
    throw unsupported("SparkSession.createDataFrame(Seq, TypeTag)");
  }

  @Override
  public Dataset<Row> createDataFrame(List<Row> rows, StructType schema) {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(schema, "schema");
    StructType s = schema;
    List<Object[]> data = new ArrayList<>(rows.size());
    for (Row r : rows) {
      data.add(RowCodec.fromRow(r, s));
    }
    return wrapRows(Relation.of(fields(s), data));
  }

  @Override
  public Dataset<Row> createDataFrame(List<?> data, Class<?> beanClass) {
    Encoder<?> enc = Encoders.bean(beanClass);
    List<Object[]> rows = new ArrayList<>(data.size());
    for (Object o : data) {
      rows.add(Encoding.toRow(o, enc));
    }
    return wrapRows(Relation.of(fields(enc.schema()), rows));
  }

  @Override
  @Unsupported
  public <A extends scala.Product> Dataset<Row> createDataFrame(
      RDD<A> rdd, TypeTags.TypeTag<A> tag) {
    throw unsupported("SparkSession.createDataFrame(RDD, TypeTag)");
  }

  @Override
  @Unsupported
  public Dataset<Row> createDataFrame(RDD<Row> rdd, StructType schema) {
    throw unsupported("SparkSession.createDataFrame(RDD, StructType)");
  }

  @Override
  @Unsupported
  public Dataset<Row> createDataFrame(JavaRDD<Row> rdd, StructType schema) {
    throw unsupported("SparkSession.createDataFrame(JavaRDD, StructType)");
  }

  @Override
  @Unsupported
  public Dataset<Row> createDataFrame(RDD<?> rdd, Class<?> beanClass) {
    throw unsupported("SparkSession.createDataFrame(RDD, Class)");
  }

  @Override
  @Unsupported
  public Dataset<Row> createDataFrame(JavaRDD<?> rdd, Class<?> beanClass) {
    throw unsupported("SparkSession.createDataFrame(JavaRDD, Class)");
  }

  @Override
  @Unsupported
  public Dataset<Row> baseRelationToDataFrame(BaseRelation relation) {
    throw unsupported("SparkSession.baseRelationToDataFrame(BaseRelation)");
  }

  @Override
  public <T> Dataset<T> emptyDataset(Encoder<T> encoder) {
    return wrap(Relation.of(fields(encoder.schema()), List.of()), encoder);
  }

  @Override
  public <T> Dataset<T> createDataset(Seq<T> data, Encoder<T> encoder) {
    return createDataset(Scala.list(data), encoder);
  }

  @Override
  public <T> Dataset<T> createDataset(List<T> data, Encoder<T> encoder) {
    List<Object[]> rows = new ArrayList<>(data.size());
    for (T o : data) {
      rows.add(Encoding.toRow(o, encoder));
    }
    return wrap(Relation.of(fields(encoder.schema()), rows), encoder);
  }

  @Override
  @Unsupported
  public <T> Dataset<T> createDataset(RDD<T> rdd, Encoder<T> encoder) {
    throw unsupported("SparkSession.createDataset(RDD, Encoder)");
  }

  @Override
  public Dataset<Long> range(long end) {
    return range(0, end, 1, 1);
  }

  @Override
  public Dataset<Long> range(long start, long end) {
    return range(start, end, 1, 1);
  }

  @Override
  public Dataset<Long> range(long start, long end, long step) {
    return range(start, end, step, 1);
  }

  @Override
  public Dataset<Long> range(long start, long end, long step, int numPartitions) {
    if (step == 0) {
      throw new IllegalArgumentException("requirement failed: step (0) cannot be 0");
    }
    // Streamed: a range feeding a projection or an aggregate is never held as a list.
    Relation r =
        Relation.streamed(
            List.of(Field.of("id", DataTypes.LongType, false)),
            List.of(),
            sink -> {
              for (long v = start; step > 0 ? v < end : v > end; v += step) {
                sink.accept(new Object[] {v});
              }
            });
    return wrap(r, Encoders.LONG());
  }

  @Override
  public Catalog catalog() {
    return new MockCatalog(this);
  }

  @Override
  public Dataset<Row> table(String name) {
    return read().table(name);
  }

  /**
   * Runs a SQL statement with positional parameters ({@code ?}): Spark's grammar parses it and the
   * mock's Dataset operations and catalog run it (see docs/mock.md for what is emulated).
   *
   * @param sqlText the statement, not null
   * @param args an array (or java.util.List) of the values of the markers, in text order
   * @return the result frame
   */
  @Override
  public Dataset<Row> sql(String sqlText, Object args) {
    Objects.requireNonNull(sqlText, "sqlText");
    List<Object> values;
    if (args instanceof Object[] arr) {
      values = java.util.Arrays.asList(arr);
    } else if (args instanceof List<?> list) {
      values = new ArrayList<>(list);
    } else {
      throw new IllegalArgumentException(
          "positional SQL arguments must be an array or a List, but were [" + args + "]");
    }
    return dev.forgeline.mock.sql.SqlStatements.runPositional(sqlEnv(), sqlText, values);
  }

  /**
   * Runs a SQL statement with named parameters ({@code :name}); {@code sql(String)} arrives here
   * with no arguments.
   *
   * @param sqlText the statement, not null
   * @param args the values of the named markers, not null
   * @return the result frame
   */
  @Override
  public Dataset<Row> sql(String sqlText, scala.collection.immutable.Map<String, Object> args) {
    Objects.requireNonNull(sqlText, "sqlText");
    return dev.forgeline.mock.sql.SqlStatements.runNamed(sqlEnv(), sqlText, Scala.javaMap(args));
  }

  @Override
  @Unsupported
  public Dataset<Row> executeCommand(
      String runner, String command, scala.collection.immutable.Map<String, String> options) {
    throw unsupported("SparkSession.executeCommand(String, String, Map)");
  }

  @Override
  @Unsupported
  public void addArtifact(String path) {
    throw unsupported("SparkSession.addArtifact(String)");
  }

  @Override
  @Unsupported
  public void addArtifact(URI uri) {
    throw unsupported("SparkSession.addArtifact(URI)");
  }

  @Override
  @Unsupported
  public void addArtifact(byte[] bytes, String target) {
    throw unsupported("SparkSession.addArtifact(byte[], String)");
  }

  @Override
  @Unsupported
  public void addArtifact(String source, String target) {
    throw unsupported("SparkSession.addArtifact(String, String)");
  }

  @Override
  @Unsupported
  public void addArtifacts(Seq<URI> uris) {
    throw unsupported("SparkSession.addArtifacts(Seq)");
  }

  @Override
  public void addTag(String tag) {
    validateTag(tag);
    tags.get().add(tag);
  }

  private static void validateTag(String tag) {
    if (tag == null || tag.isEmpty() || tag.contains(",")) {
      throw new IllegalArgumentException(
          "Spark job tag cannot be null, empty or contain ',', but was [" + tag + "]");
    }
  }

  @Override
  public void removeTag(String tag) {
    validateTag(tag);
    tags.get().remove(tag);
  }

  @Override
  public scala.collection.immutable.Set<String> getTags() {
    return Scala.set(tags.get());
  }

  @Override
  public void clearTags() {
    tags.get().clear();
  }

  @Override
  public Seq<String> interruptAll() {
    return Scala.seq(List.of());
  }

  @Override
  public Seq<String> interruptTag(String tag) {
    return Scala.seq(List.of());
  }

  @Override
  public Seq<String> interruptOperation(String operationId) {
    return Scala.seq(List.of());
  }

  @Override
  public DataFrameReader read() {
    return new MockDataFrameReader(this);
  }

  @Override
  @Unsupported
  public DataStreamReader readStream() {
    throw unsupported("SparkSession.readStream()");
  }

  @Override
  @Unsupported
  public TableValuedFunction tvf() {
    throw unsupported("SparkSession.tvf()");
  }

  @Override
  @Unsupported
  public SQLImplicits implicits() {
    throw unsupported("SparkSession.implicits()");
  }

  @Override
  public boolean isUsable() {
    return !closed;
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "MockSparkSession[" + conf.get("spark.app.name", "") + "]";
  }
}
