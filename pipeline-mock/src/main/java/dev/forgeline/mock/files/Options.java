package dev.forgeline.mock.files;

import dev.forgeline.mock.engine.NotSupported;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Data source options, looked up case-insensitively as Spark's CaseInsensitiveMap does. */
public final class Options {
  private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  private Options(Map<String, String> values) {
    this.values.putAll(values);
  }

  /** The options of one read or write. */
  public static Options of(Map<String, String> values) {
    return new Options(values);
  }

  /** The value of {@code key}, or {@code fallback}. */
  public String get(String key, String fallback) {
    String v = values.get(key);
    return v == null ? fallback : v;
  }

  /** Whether {@code key} was given. */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** A boolean option; a value other than true or false is rejected as Spark rejects it. */
  public boolean bool(String key, boolean fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    String t = v.trim().toLowerCase(Locale.ROOT);
    if (t.equals("true")) {
      return true;
    }
    if (t.equals("false")) {
      return false;
    }
    throw new IllegalArgumentException(key + " should be a boolean, but got [" + v + "]");
  }

  /** A one-character option (sep, quote, escape); the empty string means none (\u0000). */
  public char character(String key, char fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v.isEmpty()) {
      return '\u0000';
    }
    if (v.length() == 2 && v.charAt(0) == '\\') {
      switch (v.charAt(1)) {
        case 't':
          return '\t';
        case 'n':
          return '\n';
        case '\\':
          return '\\';
        default:
          break;
      }
    }
    if (v.length() != 1) {
      throw NotSupported.option("the " + key + " option", "the multi-character value [" + v + "]");
    }
    return v.charAt(0);
  }

  /** The parse mode: PERMISSIVE (the default), DROPMALFORMED or FAILFAST. */
  public ParseMode mode() {
    return ParseMode.of(get("mode", "PERMISSIVE"));
  }

  /** The copy of the options as a map, for the log or a nested source. */
  public Map<String, String> asMap() {
    return new TreeMap<>(values);
  }
}
