package dev.forgeline.mock.fn;

import dev.forgeline.mock.engine.Call;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Expr;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;

/** Hash functions with Spark's exact values: md5, sha1, sha2, crc32, hash (Murmur3), xxhash64. */
final class HashFunctions {
  private static final int SEED = 42;
  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;

  private HashFunctions() {}

  static void register(FunctionRegistry.Registrar r) {
    r.scalar("md5", c -> digest(c, "MD5"));
    r.scalar("sha1", c -> digest(c, "SHA-1"));
    r.scalar("sha", c -> digest(c, "SHA-1"));
    r.scalar("sha2", HashFunctions::sha2);
    r.scalar(
        "crc32",
        c -> {
          c.arity(1, 1);
          return Call.strict(
              "crc32(" + shown(c, 0) + ")",
              DataTypes.LongType,
              List.of(binary(c, 0)),
              a -> {
                CRC32 crc = new CRC32();
                crc.update((byte[]) a[0]);
                return crc.getValue();
              });
        });
    r.scalar(
        "hash",
        c -> {
          List<Expr> args = c.args();
          return Call.nullSafe(
              c.sql(),
              DataTypes.IntegerType,
              false,
              args,
              a -> {
                int h = SEED;
                for (int i = 0; i < a.length; i++) {
                  h = murmur(a[i], h);
                }
                return h;
              });
        });
    r.scalar(
        "xxhash64",
        c -> {
          List<Expr> args = c.args();
          return Call.nullSafe(
              c.sql(),
              DataTypes.LongType,
              false,
              args,
              a -> {
                long h = SEED;
                for (Object v : a) {
                  h = xx(v, h);
                }
                return h;
              });
        });
  }

  private static Expr binary(FnCall c, int i) {
    Expr e = c.arg(i);
    return e.type() instanceof BinaryType ? e : c.expect(i, DataTypes.BinaryType, "\"BINARY\"");
  }

  /** The argument as Spark prints it: implicit casts do not show in names. */
  private static String shown(FnCall c, int i) {
    return c.arg(i).sql();
  }

  private static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }

  private static Expr digest(FnCall c, String algorithm) {
    c.arity(1, 1);
    return Call.strict(
        c.lowerName() + "(" + shown(c, 0) + ")",
        DataTypes.StringType,
        List.of(binary(c, 0)),
        a -> {
          try {
            return hex(MessageDigest.getInstance(algorithm).digest((byte[]) a[0]));
          } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static Expr sha2(FnCall c) {
    c.arity(2, 2);
    String sql = "sha2(" + shown(c, 0) + ", " + c.arg(1).sql() + ")";
    return Call.strictNullable(
        sql,
        DataTypes.StringType,
        List.of(binary(c, 0), c.integer(1)),
        a -> {
          int bits = (Integer) a[1];
          String alg =
              switch (bits) {
                case 0, 256 -> "SHA-256";
                case 224 -> "SHA-224";
                case 384 -> "SHA-384";
                case 512 -> "SHA-512";
                default -> null;
              };
          if (alg == null) {
            return null;
          }
          try {
            return hex(MessageDigest.getInstance(alg).digest((byte[]) a[0]));
          } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static int murmurBytes(byte[] b, int seed) {
    return Murmur3_x86_32.hashUnsafeBytes(b, Platform.BYTE_ARRAY_OFFSET, b.length, seed);
  }

  /** Spark's Murmur3 hash of one internal value, chained on {@code seed}. */
  static int murmur(Object v, int seed) {
    if (v == null) {
      return seed;
    }
    if (v instanceof Boolean b) {
      return Murmur3_x86_32.hashInt(b ? 1 : 0, seed);
    }
    if (v instanceof Byte || v instanceof Short || v instanceof Integer) {
      return Murmur3_x86_32.hashInt(((Number) v).intValue(), seed);
    }
    if (v instanceof Long l) {
      return Murmur3_x86_32.hashLong(l, seed);
    }
    if (v instanceof Float f) {
      return Murmur3_x86_32.hashInt(f == -0.0f ? 0 : Float.floatToIntBits(f), seed);
    }
    if (v instanceof Double d) {
      return Murmur3_x86_32.hashLong(d == -0.0d ? 0L : Double.doubleToLongBits(d), seed);
    }
    if (v instanceof BigDecimal d) {
      if (d.precision() <= 18) {
        return Murmur3_x86_32.hashLong(d.unscaledValue().longValue(), seed);
      }
      return murmurBytes(d.unscaledValue().toByteArray(), seed);
    }
    if (v instanceof String s) {
      return murmurBytes(s.getBytes(StandardCharsets.UTF_8), seed);
    }
    if (v instanceof byte[] b) {
      return murmurBytes(b, seed);
    }
    if (v instanceof LocalDate d) {
      return Murmur3_x86_32.hashInt((int) d.toEpochDay(), seed);
    }
    if (v instanceof Instant i) {
      return Murmur3_x86_32.hashLong(dev.forgeline.mock.engine.Temporal.toMicros(i), seed);
    }
    if (v instanceof List<?> l) {
      int h = seed;
      for (Object x : l) {
        h = murmur(x, h);
      }
      return h;
    }
    if (v instanceof Map<?, ?> m) {
      int h = seed;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        h = murmur(e.getKey(), h);
        h = murmur(e.getValue(), h);
      }
      return h;
    }
    if (v instanceof Object[] s) {
      int h = seed;
      for (Object x : s) {
        h = murmur(x, h);
      }
      return h;
    }
    throw Errors.analysis("DATATYPE_MISMATCH.HASH_MAP_TYPE", "functionName", "`hash`");
  }

  private static long fmix(long h) {
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    h ^= h >>> 32;
    return h;
  }

  private static long xxInt(int input, long seed) {
    long h = seed + P5 + 4L;
    h ^= (input & 0xFFFFFFFFL) * P1;
    h = Long.rotateLeft(h, 23) * P2 + P3;
    return fmix(h);
  }

  private static long round(long acc, long input) {
    acc += input * P2;
    acc = Long.rotateLeft(acc, 31);
    return acc * P1;
  }

  private static long xxLong(long input, long seed) {
    long h = seed + P5 + 8L;
    h ^= Long.rotateLeft(input * P2, 31) * P1;
    h = Long.rotateLeft(h, 27) * P1 + P4;
    return fmix(h);
  }

  private static long le64(byte[] b, int i) {
    long v = 0;
    for (int k = 7; k >= 0; k--) {
      v = (v << 8) | (b[i + k] & 0xFFL);
    }
    return v;
  }

  private static long le32(byte[] b, int i) {
    return (b[i] & 0xFFL)
        | (b[i + 1] & 0xFFL) << 8
        | (b[i + 2] & 0xFFL) << 16
        | (b[i + 3] & 0xFFL) << 24;
  }

  /** Standard XXH64 of a byte array. */
  static long xxBytes(byte[] b, long seed) {
    int len = b.length;
    int i = 0;
    long h;
    if (len >= 32) {
      long v1 = seed + P1 + P2;
      long v2 = seed + P2;
      long v3 = seed;
      long v4 = seed - P1;
      while (i <= len - 32) {
        v1 = round(v1, le64(b, i));
        v2 = round(v2, le64(b, i + 8));
        v3 = round(v3, le64(b, i + 16));
        v4 = round(v4, le64(b, i + 24));
        i += 32;
      }
      h =
          Long.rotateLeft(v1, 1)
              + Long.rotateLeft(v2, 7)
              + Long.rotateLeft(v3, 12)
              + Long.rotateLeft(v4, 18);
      h = (h ^ round(0, v1)) * P1 + P4;
      h = (h ^ round(0, v2)) * P1 + P4;
      h = (h ^ round(0, v3)) * P1 + P4;
      h = (h ^ round(0, v4)) * P1 + P4;
    } else {
      h = seed + P5;
    }
    h += len;
    while (i <= len - 8) {
      h ^= round(0, le64(b, i));
      h = Long.rotateLeft(h, 27) * P1 + P4;
      i += 8;
    }
    if (i <= len - 4) {
      h ^= le32(b, i) * P1;
      h = Long.rotateLeft(h, 23) * P2 + P3;
      i += 4;
    }
    while (i < len) {
      h ^= (b[i] & 0xFFL) * P5;
      h = Long.rotateLeft(h, 11) * P1;
      i++;
    }
    return fmix(h);
  }

  static long xx(Object v, long seed) {
    if (v == null) {
      return seed;
    }
    if (v instanceof Boolean b) {
      return xxInt(b ? 1 : 0, seed);
    }
    if (v instanceof Byte || v instanceof Short || v instanceof Integer) {
      return xxInt(((Number) v).intValue(), seed);
    }
    if (v instanceof Long l) {
      return xxLong(l, seed);
    }
    if (v instanceof Float f) {
      return xxInt(f == -0.0f ? 0 : Float.floatToIntBits(f), seed);
    }
    if (v instanceof Double d) {
      return xxLong(d == -0.0d ? 0L : Double.doubleToLongBits(d), seed);
    }
    if (v instanceof BigDecimal d) {
      return d.precision() <= 18
          ? xxLong(d.unscaledValue().longValue(), seed)
          : xxBytes(d.unscaledValue().toByteArray(), seed);
    }
    if (v instanceof String s) {
      return xxBytes(s.getBytes(StandardCharsets.UTF_8), seed);
    }
    if (v instanceof byte[] b) {
      return xxBytes(b, seed);
    }
    if (v instanceof LocalDate d) {
      return xxInt((int) d.toEpochDay(), seed);
    }
    if (v instanceof Instant i) {
      return xxLong(dev.forgeline.mock.engine.Temporal.toMicros(i), seed);
    }
    if (v instanceof List<?> l) {
      long h = seed;
      for (Object x : l) {
        h = xx(x, h);
      }
      return h;
    }
    if (v instanceof Object[] s) {
      long h = seed;
      for (Object x : s) {
        h = xx(x, h);
      }
      return h;
    }
    throw Errors.analysis("DATATYPE_MISMATCH.HASH_MAP_TYPE", "functionName", "`xxhash64`");
  }
}
