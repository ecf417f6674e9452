package dev.forgeline.core.internal.cache;

import dev.forgeline.core.Pipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;

/**
 * Fingerprints of inputs: what a key hashes for a value that does not come from a cached step.
 *
 * <p>A Dataset: the files it reads (path, size, modification time), plus its analyzed plan in
 * canonical form on classic Spark (and Spark's semantic hash when it reads no file, which covers
 * in-memory rows); on the mock, which has no plan, its rows. A plan holding a non-deterministic
 * expression (rand, uuid, current_timestamp...) is reported so the key can include the run. A plain
 * value: SHA-256 of its Java serialization; a value that is not Serializable cannot be keyed.
 */
final class Fingerprints {
  private static final Pattern TIME_FUNCTIONS =
      Pattern.compile(
          "\\b(current_timestamp|current_date|current_time|now|localtimestamp|current_timezone"
              + "|unix_timestamp)\\(",
          Pattern.CASE_INSENSITIVE);

  private Fingerprints() {}

  /** A fingerprint, and why it changes every run (null when it does not). */
  record Print(String value, String nondeterministic) {}

  /** Thrown when a value cannot be fingerprinted; the message says why. */
  static final class Unkeyable extends Exception {
    private static final long serialVersionUID = 1L;

    Unkeyable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static Print of(Object value, SparkSession spark) throws Unkeyable {
    if (value == null) {
      return new Print("null", null);
    }
    if (value instanceof Dataset<?> ds) {
      return dataset(ds, spark);
    }
    if (value instanceof Serializable s) {
      return new Print(value.getClass().getName() + ":" + KeyHasher.sha256(serialize(s)), null);
    }
    throw new Unkeyable(
        "a value of " + value.getClass().getName() + " is neither a Dataset nor Serializable",
        null);
  }

  static byte[] serialize(Serializable s) throws Unkeyable {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(s);
    } catch (IOException e) {
      throw new Unkeyable("a value of " + s.getClass().getName() + " cannot be serialized", e);
    }
    return bytes.toByteArray();
  }

  static Print dataset(Dataset<?> ds, SparkSession spark) throws Unkeyable {
    KeyHasher h = new KeyHasher().add("schema", ds.schema().json());
    String[] files = ds.inputFiles().clone();
    Arrays.sort(files);
    try {
      for (String f : files) {
        List<String> stats = FileStats.list(f, spark);
        h.add("file", stats.isEmpty() ? f + "|absent" : String.join("\n", stats));
      }
    } catch (IOException | RuntimeException e) {
      throw new Unkeyable("the files the Dataset reads cannot be listed: " + e, e);
    }
    String nondeterministic = null;
    if (ds instanceof org.apache.spark.sql.classic.Dataset<?> classic) {
      LogicalPlan plan = classic.queryExecution().analyzed();
      String text = plan.toString();
      var m = TIME_FUNCTIONS.matcher(text);
      if (!plan.deterministic()) {
        nondeterministic = "its plan holds a non-deterministic expression (rand, uuid, shuffle...)";
      } else if (m.find()) {
        nondeterministic = "its plan calls " + m.group(1) + "()";
      }
      h.add("plan", plan.canonicalized().toString());
      if (files.length == 0) {
        h.add("semantic", Integer.toString(ds.semanticHash()));
      }
    } else if (mock(spark)) {
      // The mock keeps rows in memory and has no plan: its rows are the fingerprint.
      List<Row> rows = ds.toDF().collectAsList();
      for (Row r : rows) {
        h.add("row", r.toString());
      }
    } else {
      h.add("semantic", Integer.toString(ds.semanticHash()));
    }
    return new Print("dataset:" + h.hex(), nondeterministic);
  }

  static boolean mock(SparkSession spark) {
    return spark != null
        && !(spark instanceof org.apache.spark.sql.classic.SparkSession)
        && Boolean.parseBoolean(spark.conf().get(Pipeline.SEQUENTIAL_BACKEND_FLAG, "false"));
  }
}
