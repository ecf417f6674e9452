package dev.forgeline.validation.contract;

import static dev.forgeline.validation.internal.Names.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampType;

/**
 * Infers a contract in one aggregation: per column the non-null count, min and max of numeric and
 * temporal columns, and for strings the distinct values (a set larger than {@code maxValues}
 * suggests no rule). Suggested rules are WARN rules and let nulls pass on nullable columns.
 */
final class ContractInference {
  private ContractInference() {}

  record Result(List<ColumnContract> columns, List<Config> rules) {}

  static Result infer(Dataset<Row> data, int maxValues) {
    if (maxValues < 1) {
      throw new IllegalArgumentException("maxValues was [" + maxValues + "] but must be >= 1");
    }
    StructField[] fields = data.schema().fields();
    List<Column> aggs = new ArrayList<>();
    for (StructField f : fields) {
      Column c = col(f.name());
      aggs.add(count(c));
      if (ranged(f.dataType())) {
        aggs.add(min(c));
        aggs.add(max(c));
      } else if (f.dataType() instanceof StringType) {
        Column set = collect_set(c);
        aggs.add(size(set));
        aggs.add(slice(set, 1, maxValues));
      }
    }
    Row r = data.agg(count(lit(1)), aggs.toArray(new Column[0])).first();
    long rows = r.getLong(0);
    List<ColumnContract> columns = new ArrayList<>();
    List<Config> rules = new ArrayList<>();
    int i = 1;
    for (StructField f : fields) {
      long nonNull = r.getLong(i++);
      boolean nullable = nonNull < rows || rows == 0;
      columns.add(new ColumnContract(f.name(), f.dataType(), nullable));
      if (ranged(f.dataType())) {
        Object lo = r.get(i++);
        Object hi = r.get(i++);
        if (lo != null) {
          Map<String, Object> m = rule("range", f.name(), nullable);
          m.put("min", literal(lo));
          m.put("max", literal(hi));
          rules.add(ConfigValueFactory.fromMap(m).toConfig());
        }
      } else if (f.dataType() instanceof StringType) {
        int distinct = r.getInt(i++);
        List<Object> values = r.getList(i++);
        if (distinct > 0 && distinct <= maxValues) {
          Map<String, Object> m = rule("in", f.name(), nullable);
          m.put("values", values.stream().map(String::valueOf).sorted().toList());
          rules.add(ConfigValueFactory.fromMap(m).toConfig());
        }
      }
    }
    return new Result(columns, rules);
  }

  private static Map<String, Object> rule(String type, String column, boolean nullable) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    m.put("column", column);
    m.put("action", "warn");
    if (nullable) {
      m.put("allow-null", true);
    }
    return m;
  }

  private static boolean ranged(DataType t) {
    return t instanceof NumericType || t instanceof DateType || t instanceof TimestampType;
  }

  /** A value HOCON can hold: numbers as they are, decimals and temporal values as text. */
  private static Object literal(Object v) {
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Number) {
      return v;
    }
    return v.toString();
  }
}
