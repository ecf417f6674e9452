package dev.forgeline.mock.engine;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;

/**
 * One output column of a relation: Spark's attribute. The {@code exprId} identifies the attribute
 * across plans (so {@code df.col("id")} still finds its column after a join), the qualifier is the
 * dataset alias it can be referenced through, or null.
 */
public record Field(String name, DataType type, boolean nullable, long exprId, String qualifier) {
  private static final AtomicLong IDS = new AtomicLong();

  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** A fresh attribute with a new identity. */
  public static Field of(String name, DataType type, boolean nullable) {
    return new Field(name, type, nullable, IDS.incrementAndGet(), null);
  }

  /** A fresh attribute id. */
  public static long newId() {
    return IDS.incrementAndGet();
  }

  public Field withName(String newName) {
    return new Field(newName, type, nullable, exprId, qualifier);
  }

  public Field withQualifier(String newQualifier) {
    return new Field(name, type, nullable, exprId, newQualifier);
  }

  public Field withNullable(boolean newNullable) {
    return new Field(name, type, newNullable, exprId, qualifier);
  }

  /** The same column as a new attribute (used where Spark creates new attribute ids). */
  public Field fresh() {
    return new Field(name, type, nullable, IDS.incrementAndGet(), null);
  }

  /** The qualified name as Spark prints it in suggestions: {@code `t`.`a`} or {@code `a`}. */
  public String sqlId() {
    return qualifier == null ? Names.quote(name) : Names.quote(qualifier) + "." + Names.quote(name);
  }

  public StructField toStructField() {
    return new StructField(name, type, nullable, Metadata.empty());
  }

  // equals and hashCode are written out rather than generated: a record's generated methods are
  // linked through ObjectMethods on first call, which cost a cold JVM about ten milliseconds, and
  // fields and column references are the first records most queries compare.

  @Override
  public boolean equals(Object o) {
    return o instanceof Field f
        && nullable == f.nullable
        && exprId == f.exprId
        && name.equals(f.name)
        && type.equals(f.type)
        && Objects.equals(qualifier, f.qualifier);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, nullable, exprId, qualifier);
  }
}
