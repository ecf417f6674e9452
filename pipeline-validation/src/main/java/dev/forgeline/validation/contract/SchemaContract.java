package dev.forgeline.validation.contract;

import com.typesafe.config.Config;
import dev.forgeline.validation.Rule;
import dev.forgeline.validation.RuleConfig;
import dev.forgeline.validation.internal.Names;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The expected columns of a Dataset, their types and nullability, compared in a {@link
 * ContractMode}, plus suggested rules (in {@link RuleConfig}'s HOCON form) such as the ranges and
 * value sets observed when the contract was inferred. Contracts are immutable and are saved to and
 * loaded from JSON or HOCON files so they can be reviewed and versioned.
 *
 * <pre>{@code
 * SchemaContract contract = SchemaContract.infer("orders", orders);
 * contract.save(Path.of("contracts/orders.conf"));
 * SchemaContract.load(Path.of("contracts/orders.conf")).withMode(ContractMode.RELAXED).enforce(next);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SchemaContract {
  private final String name;
  private final ContractMode mode;
  private final List<ColumnContract> columns;
  private final List<Config> rules;

  private SchemaContract(
      String name, ContractMode mode, List<ColumnContract> columns, List<Config> rules) {
    this.name = Objects.requireNonNull(name, "name");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.columns = List.copyOf(columns);
    this.rules = List.copyOf(rules);
    Set<String> seen = new HashSet<>();
    for (ColumnContract c : this.columns) {
      if (!seen.add(c.name())) {
        throw new IllegalArgumentException(
            "contract [" + name + "] lists column [" + c.name() + "] twice");
      }
    }
  }

  /** A strict contract of {@code columns} with no suggested rules. */
  public static SchemaContract of(String name, List<ColumnContract> columns) {
    return new SchemaContract(name, ContractMode.STRICT, columns, List.of());
  }

  /** A strict contract of exactly {@code schema}'s columns, types and nullability. */
  public static SchemaContract from(String name, StructType schema) {
    List<ColumnContract> cols = new ArrayList<>();
    for (StructField f : schema.fields()) {
      cols.add(new ColumnContract(f.name(), f.dataType(), f.nullable()));
    }
    return of(name, cols);
  }

  /**
   * A strict contract inferred from {@code data} in one aggregation: each column's type, nullable
   * only if a null was seen, and suggested WARN rules: the observed range of numeric and temporal
   * columns and the value set of string columns with at most {@code maxValues} distinct values.
   */
  public static SchemaContract infer(String name, Dataset<Row> data, int maxValues) {
    ContractInference.Result r = ContractInference.infer(data, maxValues);
    return new SchemaContract(name, ContractMode.STRICT, r.columns(), r.rules());
  }

  /** {@link #infer(String, Dataset, int)} with at most 20 values per set. */
  public static SchemaContract infer(String name, Dataset<Row> data) {
    return infer(name, data, 20);
  }

  /** This contract compared in {@code newMode}. */
  public SchemaContract withMode(ContractMode newMode) {
    return new SchemaContract(name, newMode, columns, rules);
  }

  /** This contract with {@code suggested} rules, each an object of {@link RuleConfig}'s form. */
  public SchemaContract withRules(List<Config> suggested) {
    return new SchemaContract(name, mode, columns, suggested);
  }

  /** The contract's name. */
  public String name() {
    return name;
  }

  /** The mode schemas are compared in. */
  public ContractMode mode() {
    return mode;
  }

  /** The expected columns, in order. */
  public List<ColumnContract> columns() {
    return columns;
  }

  /** The suggested rules in their HOCON form. */
  public List<Config> ruleConfigs() {
    return rules;
  }

  /**
   * The rules this contract implies: a not-null rule per not-null column, then the suggested rules.
   *
   * @param references Datasets that suggested {@code references} rules may name
   */
  public List<Rule> rules(Map<String, Dataset<Row>> references) {
    List<Rule> out = new ArrayList<>();
    for (ColumnContract c : columns) {
      if (!c.nullable()) {
        out.add(Rule.notNull(c.name()));
      }
    }
    if (!rules.isEmpty()) {
      Config holder =
          com.typesafe.config.ConfigFactory.empty()
              .withValue(
                  "rules",
                  com.typesafe.config.ConfigValueFactory.fromIterable(
                      rules.stream().map(Config::root).toList()));
      out.addAll(RuleConfig.rules(holder, "rules", references));
    }
    return out;
  }

  /** How {@code schema} differs from this contract in its mode. */
  public SchemaDiff diff(StructType schema) {
    Map<String, StructField> actual = new LinkedHashMap<>();
    for (StructField f : schema.fields()) {
      actual.put(f.name(), f);
    }
    List<SchemaDiff.Difference> out = new ArrayList<>();
    for (ColumnContract c : columns) {
      StructField f = actual.remove(c.name());
      if (f == null) {
        List<String> near = Names.near(c.name(), List.of(schema.fieldNames()));
        String expected = c.typeName() + (c.nullable() ? "" : " not null");
        if (!near.isEmpty()) {
          expected += " (found " + near + ")";
        }
        out.add(new SchemaDiff.Difference(SchemaDiff.Kind.MISSING, c.name(), expected, ""));
        continue;
      }
      boolean typeOk =
          mode == ContractMode.STRICT
              ? f.dataType().equals(c.type())
              : Widening.safe(f.dataType(), c.type());
      if (!typeOk) {
        out.add(
            new SchemaDiff.Difference(
                SchemaDiff.Kind.TYPE, c.name(), c.typeName(), f.dataType().simpleString()));
      }
      if (mode == ContractMode.STRICT && f.nullable() && !c.nullable()) {
        out.add(new SchemaDiff.Difference(SchemaDiff.Kind.NULLABILITY, c.name(), "", ""));
      }
    }
    if (mode == ContractMode.STRICT) {
      for (StructField f : actual.values()) {
        out.add(
            new SchemaDiff.Difference(
                SchemaDiff.Kind.EXTRA, f.name(), "", f.dataType().simpleString()));
      }
    }
    return new SchemaDiff(name, mode, out);
  }

  /**
   * Returns {@code data} when its schema satisfies this contract.
   *
   * @throws ContractViolationException with the readable diff otherwise
   */
  public Dataset<Row> enforce(Dataset<Row> data) {
    SchemaDiff d = diff(data.schema());
    if (!d.matches()) {
      throw new ContractViolationException(d);
    }
    return data;
  }

  /** The contract as HOCON text. */
  public String toHocon() {
    return ContractFiles.render(this, false);
  }

  /** The contract as JSON text. */
  public String toJson() {
    return ContractFiles.render(this, true);
  }

  /**
   * Parses a contract from JSON or HOCON text; {@code origin} names the source in errors.
   *
   * @throws dev.forgeline.validation.InvalidRulesException listing every malformed key
   */
  public static SchemaContract parse(String text, String origin) {
    return ContractFiles.parse(text, origin);
  }

  /** Writes the contract to {@code file}: JSON when its name ends in {@code .json}, else HOCON. */
  public void save(Path file) throws IOException {
    ContractFiles.save(this, file);
  }

  /**
   * Reads a contract saved by {@link #save}.
   *
   * @throws dev.forgeline.validation.InvalidRulesException naming the file and each bad key
   */
  public static SchemaContract load(Path file) throws IOException {
    return ContractFiles.load(file);
  }

  static SchemaContract restore(
      String name, ContractMode mode, List<ColumnContract> columns, List<Config> rules) {
    return new SchemaContract(name, mode, columns, rules);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SchemaContract c
        && name.equals(c.name)
        && mode == c.mode
        && columns.equals(c.columns)
        && rules.stream()
            .map(Config::root)
            .toList()
            .equals(c.rules.stream().map(Config::root).toList());
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, mode, columns);
  }

  @Override
  public String toString() {
    return "SchemaContract["
        + name
        + ", "
        + mode
        + ", "
        + columns.size()
        + " columns, "
        + rules.size()
        + " suggested rules]";
  }
}
