package dev.forgeline.test;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed set of key values that two generated tables share, so their rows join: one table takes
 * each key once with {@link RowGenerator#uniqueKeys}, the other draws keys from it with {@link
 * RowGenerator#keysFrom}. Keys are the numbers {@code 1..size}; a string key column gets them as
 * {@code <prefix>-00001}. Immutable.
 *
 * <pre>{@code
 * KeySpace customers = KeySpace.of("C", 20);
 * List<Row> customerRows = RowGenerator.forSchema(CUSTOMERS).uniqueKeys("id", customers).rows(20);
 * List<Row> orderRows = RowGenerator.forSchema(ORDERS).keysFrom("customer_id", customers).rows(200);
 * }</pre>
 *
 * @param prefix the prefix of string keys
 * @param size how many keys there are, at least 1
 * @since 0.1.0
 */
public record KeySpace(String prefix, int size) {

  /** Checks the size and the prefix. */
  public KeySpace {
    if (prefix == null || prefix.isBlank()) {
      throw new IllegalArgumentException("prefix was [" + prefix + "] but must not be blank");
    }
    if (size < 1) {
      throw new IllegalArgumentException("size was [" + size + "] but must be at least 1");
    }
  }

  /** A key space of {@code size} keys whose string form starts with {@code prefix}. */
  public static KeySpace of(String prefix, int size) {
    return new KeySpace(prefix, size);
  }

  /** The key number {@code index} (0-based) as a string key. */
  public String stringKey(int index) {
    return String.format("%s-%05d", prefix, index + 1);
  }

  /** Every key as strings, in order. */
  public List<String> stringKeys() {
    List<String> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(stringKey(i));
    }
    return out;
  }
}
