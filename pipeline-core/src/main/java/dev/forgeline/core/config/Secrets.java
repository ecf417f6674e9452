package dev.forgeline.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.forgeline.core.error.ConfigurationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The secret values of a configuration, so that whatever Forgeline shows (logs, {@code describe()},
 * reports, error messages) can be redacted.
 *
 * <p>A value is secret when the last segment of its key names a secret ({@code password}, {@code
 * secret}, {@code token}, {@code credential}, {@code api-key} and the like), or when its path is
 * listed in {@code forgeline.secrets.keys}. Secrets usually arrive from environment variables by
 * HOCON substitution: {@code password = ${DB_PASSWORD}}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Secrets {
  /** What a redacted value is replaced with. */
  public static final String MASK = "******";

  /** The config path listing extra secret keys. */
  public static final String KEYS_PATH = "forgeline.secrets.keys";

  private static final Pattern SECRET_KEY =
      Pattern.compile(
          ".*(password|passwd|pwd|secret|token|credential|api[-_]?key|private[-_]?key).*");

  private static final Pattern NESTED_SECRET =
      Pattern.compile(
          "(.*[.])?(secret|access|private|account|session|encryption)[-_.]key([.].*)?"
              + "|(.*[.])?fs[.]azure[.]sas[.].*");

  /** Values shorter than this are not redacted inside longer text: too many false hits. */
  private static final int MIN_LENGTH = 4;

  private static final Secrets NONE = new Secrets(List.of());

  private final List<String> values;

  private Secrets(List<String> values) {
    this.values = values;
  }

  /** No secrets: redaction only masks secret-looking keys. */
  public static Secrets none() {
    return NONE;
  }

  /**
   * The secrets of {@code config}: every string value whose key looks secret or is listed in
   * {@value #KEYS_PATH}. {@code config} must be resolved; never null.
   */
  public static Secrets of(Config config) {
    Objects.requireNonNull(config, "config");
    Set<String> listed = new LinkedHashSet<>(listedKeys(config));
    Set<String> found = new LinkedHashSet<>();
    collect(config.root(), List.of(), listed, found);
    List<String> sorted = new ArrayList<>(found);
    // Longest first, so a secret containing another is masked whole.
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return new Secrets(List.copyOf(sorted));
  }

  /**
   * The paths listed in {@value #KEYS_PATH}. Anything but a list of strings is a configuration
   * error, never silently ignored: an ignored list would leave its secrets unmasked.
   *
   * @throws ConfigurationException when the key is not a list of strings
   */
  private static List<String> listedKeys(Config config) {
    if (!config.hasPathOrNull(KEYS_PATH)) {
      return List.of();
    }
    ConfigValue v = config.getValue(KEYS_PATH);
    String expected = "a list of config paths, e.g. [\"db.url\", \"api.auth\"]";
    if (v.valueType() != ConfigValueType.LIST) {
      throw new ConfigurationException(
          List.of(
              ConfigProblems.wrongType(
                  KEYS_PATH, v.origin(), v.valueType().name().toLowerCase(Locale.ROOT), expected)));
    }
    List<String> out = new ArrayList<>();
    for (ConfigValue item : config.getList(KEYS_PATH)) {
      if (item.valueType() != ConfigValueType.STRING) {
        throw new ConfigurationException(
            List.of(
                ConfigProblems.wrongType(
                    KEYS_PATH,
                    item.origin(),
                    "an item of type " + item.valueType().name().toLowerCase(Locale.ROOT),
                    expected)));
      }
      out.add((String) item.unwrapped());
    }
    return out;
  }

  /** Walks the tree itself: a config with problems may hold unresolved values to skip. */
  private static void collect(
      ConfigObject object, List<String> at, Set<String> listed, Set<String> found) {
    for (Map.Entry<String, ConfigValue> e : object.entrySet()) {
      List<String> path = new ArrayList<>(at);
      path.add(e.getKey());
      ConfigValue v = e.getValue();
      ConfigValueType type;
      try {
        type = v.valueType();
      } catch (ConfigException.NotResolved unresolved) {
        continue;
      }
      String joined = ConfigUtil.joinPath(path);
      if (type == ConfigValueType.OBJECT) {
        collect((ConfigObject) v, path, listed, found);
      } else if (type == ConfigValueType.STRING
          && (isSecretKey(joined) || listed.contains(joined))) {
        String s = (String) v.unwrapped();
        if (!s.isEmpty()) {
          found.add(s);
        }
      }
    }
  }

  /**
   * Whether a config key (a path, one segment, or a Spark conf key such as {@code
   * spark.hadoop.fs.s3a.secret.key}) names a secret: its last segment names one, or, read as one
   * dotted name, it holds a compound such as {@code secret.key}, {@code access.key}, {@code
   * private.key} or {@code account.key} (Hadoop's S3A, GCS and Azure keys, which go on after it) or
   * an Azure SAS token key {@code fs.azure.sas...}.
   */
  public static boolean isSecretKey(String path) {
    List<String> parts;
    try {
      parts = ConfigUtil.splitPath(path);
    } catch (ConfigException e) {
      parts = List.of(path);
    }
    String last = parts.get(parts.size() - 1).toLowerCase(Locale.ROOT);
    if (SECRET_KEY.matcher(last).matches()) {
      return true;
    }
    String dotted = String.join(".", parts).toLowerCase(Locale.ROOT);
    return NESTED_SECRET.matcher(dotted).matches();
  }

  /** The number of secret values known. */
  public int size() {
    return values.size();
  }

  /** {@code text} with every known secret value replaced by {@value #MASK}; null stays null. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String v : values) {
      if (v.length() >= MIN_LENGTH || out.equals(v)) {
        out = out.replace(v, MASK);
      }
    }
    return out;
  }

  /**
   * The value to show for {@code key}: {@value #MASK} when the key looks secret, else the value
   * with known secrets redacted.
   */
  public String show(String key, String value) {
    return isSecretKey(key) ? MASK : redact(value);
  }

  /**
   * A copy of {@code error} and its causes whose messages have every secret redacted, keeping the
   * classes' names and stack traces; {@code error} itself when there is nothing to redact.
   */
  public Throwable scrub(Throwable error) {
    if (error == null || values.isEmpty() || !mentionsSecret(error)) {
      return error;
    }
    Throwable cause = scrub(error.getCause() == error ? null : error.getCause());
    RedactedException copy =
        new RedactedException(error.getClass().getName(), redact(error.getMessage()), cause);
    copy.setStackTrace(error.getStackTrace());
    return copy;
  }

  private boolean mentionsSecret(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage();
      if (m != null && !redact(m).equals(m)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "Secrets[" + values.size() + " values]";
  }

  /** An exception standing in for one whose message held a secret; it names the original class. */
  static final class RedactedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RedactedException(String originalClass, String message, Throwable cause) {
      super(originalClass + ": " + (message == null ? "" : message), cause);
    }
  }
}
