package dev.forgeline.mock.fn;

import dev.forgeline.mock.engine.Call;
import dev.forgeline.mock.engine.Errors;
import dev.forgeline.mock.engine.Expr;
import dev.forgeline.mock.engine.Types;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataTypes;

/** String functions: case, trim, pad, substring, search, regex, split, format, encode. */
final class StringFunctions {
  private static final ConcurrentHashMap<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private StringFunctions() {}

  /** A compiled Java regex (cached); INVALID_PARAMETER_VALUE.PATTERN on bad syntax. */
  static Pattern regex(String pattern, String function) {
    try {
      return PATTERNS.computeIfAbsent(pattern, Pattern::compile);
    } catch (PatternSyntaxException e) {
      throw Errors.invalidPattern(function, pattern);
    }
  }

  static void register(FunctionRegistry.Registrar r) {
    r.scalar("upper", c -> unary(c, s -> s.toUpperCase(Locale.ROOT)));
    r.scalar("ucase", c -> unary(c, s -> s.toUpperCase(Locale.ROOT)));
    r.scalar("lower", c -> unary(c, s -> s.toLowerCase(Locale.ROOT)));
    r.scalar("lcase", c -> unary(c, s -> s.toLowerCase(Locale.ROOT)));
    r.scalar("trim", c -> trim(c, true, true));
    r.scalar("ltrim", c -> trim(c, true, false));
    r.scalar("rtrim", c -> trim(c, false, true));
    r.scalar("btrim", c -> trim(c, true, true));
    r.scalar("initcap", c -> unary(c, StringFunctions::initcap));
    r.scalar("length", StringFunctions::length);
    r.scalar("char_length", StringFunctions::length);
    r.scalar("character_length", StringFunctions::length);
    r.scalar("len", StringFunctions::length);
    r.scalar(
        "octet_length",
        c -> {
          c.arity(1, 1);
          Expr s = c.arg(0).type() instanceof BinaryType ? c.arg(0) : c.string(0);
          return Call.strict(
              c.sql(),
              DataTypes.IntegerType,
              List.of(s),
              a ->
                  a[0] instanceof byte[] b
                      ? b.length
                      : ((String) a[0]).getBytes(StandardCharsets.UTF_8).length);
        });
    r.scalar(
        "bit_length",
        c -> {
          c.arity(1, 1);
          return Call.strict(
              c.sql(),
              DataTypes.IntegerType,
              List.of(c.string(0)),
              a -> ((String) a[0]).getBytes(StandardCharsets.UTF_8).length * 8);
        });
    r.scalar("concat_ws", StringFunctions::concatWs);
    r.scalar("substring", c -> substring(c, "substring"));
    r.scalar("substr", c -> substring(c, "substr"));
    r.scalar("substring_index", StringFunctions::substringIndex);
    r.scalar(
        "left",
        c -> {
          c.arity(2, 2);
          return Call.strict(
              c.sql(),
              DataTypes.StringType,
              List.of(c.string(0), c.integer(1)),
              a -> substringSql((String) a[0], 1, (Integer) a[1]));
        });
    r.scalar(
        "right",
        c -> {
          c.arity(2, 2);
          return Call.strict(
              c.sql(),
              DataTypes.StringType,
              List.of(c.string(0), c.integer(1)),
              a -> {
                int n = (Integer) a[1];
                String s = (String) a[0];
                return n <= 0 ? "" : substringSql(s, -n, Integer.MAX_VALUE);
              });
        });
    r.scalar("lpad", c -> pad(c, true));
    r.scalar("rpad", c -> pad(c, false));
    r.scalar(
        "instr",
        c -> {
          c.arity(2, 2);
          return Call.strict(
              c.sql(),
              DataTypes.IntegerType,
              List.of(c.string(0), c.string(1)),
              a -> charIndex((String) a[0], (String) a[1], 0) + 1);
        });
    r.scalar("locate", StringFunctions::locate);
    r.scalar("position", StringFunctions::locate);
    r.scalar("contains", c -> predicate(c, String::contains));
    r.scalar("startswith", c -> predicate(c, String::startsWith));
    r.scalar("endswith", c -> predicate(c, String::endsWith));
    r.scalar("regexp_replace", StringFunctions::regexpReplace);
    r.scalar("regexp_extract", StringFunctions::regexpExtract);
    r.scalar("regexp_extract_all", StringFunctions::regexpExtractAll);
    r.scalar(
        "regexp_count",
        c -> {
          c.arity(2, 2);
          return Call.strict(
              c.sql(),
              DataTypes.IntegerType,
              List.of(c.string(0), c.string(1)),
              a -> {
                Matcher m = regex((String) a[1], "regexp_count").matcher((String) a[0]);
                int n = 0;
                while (m.find()) {
                  n++;
                }
                return n;
              });
        });
    r.scalar("split", StringFunctions::split);
    r.scalar("format_string", StringFunctions::formatString);
    r.scalar("printf", StringFunctions::formatString);
    r.scalar(
        "repeat",
        c -> {
          c.arity(2, 2);
          return Call.strict(
              c.sql(),
              DataTypes.StringType,
              List.of(c.string(0), c.integer(1)),
              a -> ((String) a[0]).repeat(Math.max(0, (Integer) a[1])));
        });
    r.scalar("translate", StringFunctions::translate);
    r.scalar(
        "ascii",
        c -> {
          c.arity(1, 1);
          return Call.strict(
              c.sql(),
              DataTypes.IntegerType,
              List.of(c.string(0)),
              a -> ((String) a[0]).isEmpty() ? 0 : ((String) a[0]).codePointAt(0));
        });
    r.scalar(
        "base64",
        c -> {
          c.arity(1, 1);
          Expr b = c.expect(0, DataTypes.BinaryType, "\"BINARY\"");
          return Call.strict(
              "base64(" + c.arg(0).sql() + ")",
              DataTypes.StringType,
              List.of(b),
              a -> Base64.getEncoder().encodeToString((byte[]) a[0]));
        });
    r.scalar(
        "unbase64",
        c -> {
          c.arity(1, 1);
          return Call.strict(
              c.sql(),
              DataTypes.BinaryType,
              List.of(c.string(0)),
              a -> Base64.getMimeDecoder().decode((String) a[0]));
        });
    r.scalar(
        "levenshtein",
        c -> {
          c.arity(2, 3);
          return Call.strict(
              c.sql(),
              DataTypes.IntegerType,
              List.of(c.string(0), c.string(1)),
              a -> dev.forgeline.mock.engine.Names.distance((String) a[0], (String) a[1]));
        });
    r.scalar(
        "replace",
        c -> {
          c.arity(2, 3);
          List<Expr> args = new ArrayList<>(List.of(c.string(0), c.string(1)));
          if (c.arity() == 3) {
            args.add(c.string(2));
          }
          return Call.strict(
              c.sql(),
              DataTypes.StringType,
              args,
              a -> {
                String search = (String) a[1];
                return search.isEmpty()
                    ? a[0]
                    : ((String) a[0]).replace(search, a.length > 2 ? (String) a[2] : "");
              });
        });
    r.scalar("soundex", c -> unary(c, StringFunctions::soundex));
    r.scalar(
        "regexp_substr",
        c -> {
          c.arity(2, 2);
          return Call.strictNullable(
              c.sql(),
              DataTypes.StringType,
              List.of(c.string(0), c.string(1)),
              a -> {
                Matcher m = regex((String) a[1], "regexp_substr").matcher((String) a[0]);
                return m.find() ? m.group() : null;
              });
        });
    r.scalar(
        "regexp_instr",
        c -> {
          c.arity(2, 3);
          return Call.strict(
              c.sql(),
              DataTypes.IntegerType,
              List.of(c.string(0), c.string(1)),
              a -> {
                Matcher m = regex((String) a[1], "regexp_instr").matcher((String) a[0]);
                return m.find() ? m.start() + 1 : 0;
              });
        });
    r.scalar(
        "find_in_set",
        c -> {
          c.arity(2, 2);
          return Call.strict(
              c.sql(),
              DataTypes.IntegerType,
              List.of(c.string(0), c.string(1)),
              a -> {
                String s = (String) a[0];
                if (s.contains(",")) {
                  return 0;
                }
                String[] parts = ((String) a[1]).split(",", -1);
                for (int i = 0; i < parts.length; i++) {
                  if (parts[i].equals(s)) {
                    return i + 1;
                  }
                }
                return 0;
              });
        });
    r.scalar(
        "split_part",
        c -> {
          c.arity(3, 3);
          boolean ansi = c.conf().ansi();
          return Call.strict(
              c.sql(),
              DataTypes.StringType,
              List.of(c.string(0), c.string(1), c.integer(2)),
              a -> {
                String s = (String) a[0];
                String delim = (String) a[1];
                int idx = (Integer) a[2];
                if (idx == 0) {
                  throw new org.apache.spark.SparkRuntimeException(
                      "INVALID_INDEX_OF_ZERO",
                      dev.forgeline.mock.engine.Scala.map(java.util.Map.of()),
                      null,
                      new org.apache.spark.QueryContext[0],
                      "");
                }
                List<String> parts = new ArrayList<>();
                if (delim.isEmpty()) {
                  parts.add(s);
                } else {
                  int from = 0;
                  int at;
                  while ((at = s.indexOf(delim, from)) >= 0) {
                    parts.add(s.substring(from, at));
                    from = at + delim.length();
                  }
                  parts.add(s.substring(from));
                }
                int i = idx > 0 ? idx - 1 : parts.size() + idx;
                return i < 0 || i >= parts.size() ? "" : parts.get(i);
              });
        });
    r.scalar(
        "format_number",
        c -> {
          c.arity(2, 2);
          Expr v = c.arg(0);
          if (!Types.isNumeric(v.type())) {
            throw Errors.unexpectedInputType(c.sql(), 1, "\"NUMERIC\"", v.sql(), v.type());
          }
          return Call.strictNullable(
              c.sql(),
              DataTypes.StringType,
              List.of(v, c.arg(1)),
              a -> {
                if (!(a[1] instanceof Number n)) {
                  java.text.DecimalFormat f =
                      new java.text.DecimalFormat(
                          (String) a[1], java.text.DecimalFormatSymbols.getInstance(Locale.US));
                  return f.format(a[0]);
                }
                int d = n.intValue();
                if (d < 0) {
                  return null;
                }
                StringBuilder pattern = new StringBuilder("#,##0");
                if (d > 0) {
                  pattern.append('.').append("0".repeat(d));
                }
                java.text.DecimalFormat f =
                    new java.text.DecimalFormat(
                        pattern.toString(), java.text.DecimalFormatSymbols.getInstance(Locale.US));
                f.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
                return f.format(
                    a[0] instanceof java.math.BigDecimal b
                        ? b
                        : (Object) ((Number) a[0]).doubleValue());
              });
        });
    r.scalar("overlay", StringFunctions::overlay);
  }

  /** name(a, b, ...) over final (default-completed) arguments, as Spark prints resolved calls. */
  static String sqlOf(String name, List<Expr> args) {
    StringBuilder sb = new StringBuilder(name).append('(');
    for (int i = 0; i < args.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(args.get(i).sql());
    }
    return sb.append(')').toString();
  }

  private static Expr unary(FnCall c, java.util.function.UnaryOperator<String> f) {
    c.arity(1, 1);
    return Call.strict(
        c.sql(), DataTypes.StringType, List.of(c.string(0)), a -> f.apply((String) a[0]));
  }

  private static Expr predicate(FnCall c, java.util.function.BiPredicate<String, String> p) {
    c.arity(2, 2);
    return Call.strict(
        c.sql(),
        DataTypes.BooleanType,
        List.of(c.string(0), c.string(1)),
        a -> p.test((String) a[0], (String) a[1]));
  }

  private static Expr length(FnCall c) {
    c.arity(1, 1);
    Expr e = c.arg(0).type() instanceof BinaryType ? c.arg(0) : c.string(0);
    return Call.strict(
        c.sql(),
        DataTypes.IntegerType,
        List.of(e),
        a ->
            a[0] instanceof byte[] b
                ? b.length
                : ((String) a[0]).codePointCount(0, ((String) a[0]).length()));
  }

  private static Expr trim(FnCall c, boolean left, boolean right) {
    c.arity(1, 2);
    int src = c.arity() == 2 ? 1 : 0;
    List<Expr> args = new ArrayList<>(List.of(c.string(src)));
    if (c.arity() == 2) {
      args.add(c.string(0));
    }
    String name = c.lowerName();
    String sql =
        c.arity() == 2
            ? "TRIM("
                + (left && right ? "BOTH" : left ? "LEADING" : "TRAILING")
                + " "
                + c.arg(0).sql()
                + " FROM "
                + c.arg(1).sql()
                + ")"
            : c.sql(name);
    return Call.strict(
        sql,
        DataTypes.StringType,
        args,
        a -> {
          String s = (String) a[0];
          String chars = a.length > 1 ? (String) a[1] : " ";
          int start = 0;
          int end = s.length();
          if (left) {
            while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
              start++;
            }
          }
          if (right) {
            while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
              end--;
            }
          }
          return s.substring(start, end);
        });
  }

  private static String initcap(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean start = true;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (start) {
        String up = String.valueOf(ch).toUpperCase(java.util.Locale.ROOT);
        sb.append(
            up.length() > 1
                ? up.charAt(0) + up.substring(1).toLowerCase(java.util.Locale.ROOT)
                : String.valueOf(Character.toTitleCase(ch)));
      } else {
        sb.append(Character.toLowerCase(ch));
      }
      start = ch == ' ';
    }
    return sb.toString();
  }

  private static Expr concatWs(FnCall c) {
    if (c.arity() < 1) {
      throw Errors.wrongNumArgs("concat_ws", "> 0", 0);
    }
    List<Expr> args = new ArrayList<>();
    args.add(c.string(0));
    for (int i = 1; i < c.arity(); i++) {
      Expr e = c.arg(i);
      args.add(e.type() instanceof ArrayType ? e : c.string(i));
    }
    return Call.nullSafe(
        c.sql(),
        DataTypes.StringType,
        c.arg(0).nullable(),
        args,
        a -> {
          if (a[0] == null) {
            return null;
          }
          List<String> parts = new ArrayList<>();
          for (int i = 1; i < a.length; i++) {
            if (a[i] instanceof List<?> l) {
              for (Object x : l) {
                if (x != null) {
                  parts.add((String) x);
                }
              }
            } else if (a[i] != null) {
              parts.add((String) a[i]);
            }
          }
          return String.join((String) a[0], parts);
        });
  }

  /** Spark's 1-based SQL substring with negative positions counted from the end. */
  static String substringSql(String s, int pos, int len) {
    int[] cps = s.codePoints().toArray();
    int n = cps.length;
    long start = pos > 0 ? pos - 1L : pos < 0 ? (long) n + pos : 0L;
    long end = start + len;
    start = Math.max(start, 0);
    end = Math.min(end, n);
    if (start >= end) {
      return "";
    }
    return new String(cps, (int) start, (int) (end - start));
  }

  private static Expr substring(FnCall c, String name) {
    c.arity(2, 3);
    if (c.arg(0).type() instanceof BinaryType) {
      List<Expr> args = new ArrayList<>(List.of(c.arg(0), c.integer(1)));
      if (c.arity() == 3) {
        args.add(c.integer(2));
      }
      return Call.strict(
          c.sql(name),
          DataTypes.BinaryType,
          args,
          a -> {
            byte[] b = (byte[]) a[0];
            int pos = (Integer) a[1];
            int len = a.length > 2 ? (Integer) a[2] : Integer.MAX_VALUE;
            long start = pos > 0 ? pos - 1L : pos < 0 ? (long) b.length + pos : 0L;
            long end = Math.min(start + len, b.length);
            start = Math.max(start, 0);
            return start >= end ? new byte[0] : Arrays.copyOfRange(b, (int) start, (int) end);
          });
    }
    List<Expr> args = new ArrayList<>(List.of(c.string(0), c.integer(1)));
    if (c.arity() == 3) {
      args.add(c.integer(2));
    }
    return Call.strict(
        c.sql(name),
        DataTypes.StringType,
        args,
        a ->
            substringSql(
                (String) a[0], (Integer) a[1], a.length > 2 ? (Integer) a[2] : Integer.MAX_VALUE));
  }

  private static Expr substringIndex(FnCall c) {
    c.arity(3, 3);
    return Call.strict(
        c.sql(),
        DataTypes.StringType,
        List.of(c.string(0), c.string(1), c.integer(2)),
        a -> {
          String s = (String) a[0];
          String delim = (String) a[1];
          int count = (Integer) a[2];
          if (delim.isEmpty() || count == 0) {
            return "";
          }
          if (count > 0) {
            int idx = -delim.length();
            for (int i = 0; i < count; i++) {
              idx = s.indexOf(delim, idx + delim.length());
              if (idx < 0) {
                return s;
              }
            }
            return s.substring(0, idx);
          }
          int idx = s.length();
          for (int i = 0; i < -count; i++) {
            idx = idx == 0 ? -1 : s.lastIndexOf(delim, idx - 1);
            if (idx < 0) {
              return s;
            }
          }
          return s.substring(idx + delim.length());
        });
  }

  private static Expr pad(FnCall c, boolean left) {
    c.arity(2, 3);
    List<Expr> args = new ArrayList<>(List.of(c.string(0), c.integer(1)));
    if (c.arity() == 3) {
      args.add(c.string(2));
    }
    return Call.strict(
        c.sql(),
        DataTypes.StringType,
        args,
        a -> {
          String s = (String) a[0];
          int len = (Integer) a[1];
          String p = a.length > 2 ? (String) a[2] : " ";
          if (len <= 0) {
            return "";
          }
          int n = s.codePointCount(0, s.length());
          if (n >= len) {
            return substringSql(s, 1, len);
          }
          if (p.isEmpty()) {
            return s;
          }
          StringBuilder fill = new StringBuilder();
          while (fill.length() < len - n) {
            fill.append(p);
          }
          String f = fill.substring(0, len - n);
          return left ? f + s : s + f;
        });
  }

  private static int charIndex(String s, String sub, int from) {
    int idx =
        s.indexOf(sub, s.offsetByCodePoints(0, Math.min(from, s.codePointCount(0, s.length()))));
    return idx < 0 ? -1 : s.codePointCount(0, idx);
  }

  private static Expr locate(FnCall c) {
    c.arity(2, 3);
    List<Expr> args = new ArrayList<>(List.of(c.string(0), c.string(1)));
    args.add(
        c.arity() == 3 ? c.integer(2) : dev.forgeline.mock.engine.Lit.of(1, DataTypes.IntegerType));
    String sql =
        c.lowerName()
            + "("
            + c.arg(0).sql()
            + ", "
            + c.arg(1).sql()
            + ", "
            + args.get(2).sql()
            + ")";
    return Call.nullSafe(
        sql,
        DataTypes.IntegerType,
        true,
        args,
        a -> {
          int pos = a.length > 2 ? (a[2] == null ? 0 : (Integer) a[2]) : 1;
          if (a[0] == null || a[1] == null) {
            return a.length > 2 && a[2] == null ? 0 : null;
          }
          if (pos < 1) {
            return 0;
          }
          return charIndex((String) a[1], (String) a[0], pos - 1) + 1;
        });
  }

  private static Expr regexpReplace(FnCall c) {
    c.arity(3, 4);
    List<Expr> args = new ArrayList<>(List.of(c.string(0), c.string(1), c.string(2)));
    args.add(
        c.arity() == 4 ? c.integer(3) : dev.forgeline.mock.engine.Lit.of(1, DataTypes.IntegerType));
    return Call.strict(
        sqlOf("regexp_replace", args),
        DataTypes.StringType,
        args,
        a -> {
          String s = (String) a[0];
          int pos = (Integer) a[3];
          if (pos <= 0) {
            throw Errors.invalidParameter(
                "POSITION", "position", "regexp_replace", "invalidValue", String.valueOf(pos));
          }
          if (pos - 1 > s.length()) {
            return s;
          }
          Matcher m = regex((String) a[1], "regexp_replace").matcher(s);
          m.region(pos - 1, s.length());
          StringBuilder sb = new StringBuilder();
          while (m.find()) {
            m.appendReplacement(sb, (String) a[2]);
          }
          m.appendTail(sb);
          return sb.toString();
        });
  }

  private static Expr regexpExtract(FnCall c) {
    c.arity(2, 3);
    List<Expr> args = new ArrayList<>(List.of(c.string(0), c.string(1)));
    args.add(
        c.arity() == 3 ? c.integer(2) : dev.forgeline.mock.engine.Lit.of(1, DataTypes.IntegerType));
    return Call.strict(
        c.sql(),
        DataTypes.StringType,
        args,
        a -> {
          Matcher m = regex((String) a[1], "regexp_extract").matcher((String) a[0]);
          int idx = (Integer) a[2];
          if (idx < 0 || idx > m.groupCount()) {
            throw Errors.invalidParameter(
                "REGEX_GROUP_INDEX",
                "idx",
                "regexp_extract",
                "groupCount",
                String.valueOf(m.groupCount()),
                "groupIndex",
                String.valueOf(idx));
          }
          if (!m.find()) {
            return "";
          }
          String g = m.group(idx);
          return g == null ? "" : g;
        });
  }

  private static Expr regexpExtractAll(FnCall c) {
    c.arity(2, 3);
    List<Expr> args = new ArrayList<>(List.of(c.string(0), c.string(1)));
    args.add(
        c.arity() == 3 ? c.integer(2) : dev.forgeline.mock.engine.Lit.of(1, DataTypes.IntegerType));
    return Call.strict(
        c.sql(),
        new ArrayType(DataTypes.StringType, true),
        args,
        a -> {
          Matcher m = regex((String) a[1], "regexp_extract_all").matcher((String) a[0]);
          int idx = (Integer) a[2];
          List<Object> out = new ArrayList<>();
          while (m.find()) {
            String g = m.group(idx);
            out.add(g == null ? "" : g);
          }
          return out;
        });
  }

  private static Expr split(FnCall c) {
    c.arity(2, 3);
    List<Expr> args = new ArrayList<>(List.of(c.string(0), c.string(1)));
    args.add(
        c.arity() == 3
            ? c.integer(2)
            : dev.forgeline.mock.engine.Lit.of(-1, DataTypes.IntegerType));
    return Call.strict(
        sqlOf("split", args),
        new ArrayType(DataTypes.StringType, false),
        args,
        a -> {
          String s = (String) a[0];
          int limit = (Integer) a[2];
          if (s.isEmpty()) {
            return new ArrayList<Object>(List.of(""));
          }
          String[] parts = regex((String) a[1], "split").split(s, limit > 0 ? limit : -1);
          if (((String) a[1]).isEmpty() && parts.length > 0 && parts[parts.length - 1].isEmpty()) {
            parts = Arrays.copyOf(parts, parts.length - 1);
          }
          return new ArrayList<Object>(Arrays.asList(parts));
        });
  }

  private static Expr formatString(FnCall c) {
    if (c.arity() < 1) {
      throw Errors.wrongNumArgs(c.lowerName(), "> 0", 0);
    }
    List<Expr> args = new ArrayList<>(c.args());
    args.set(0, c.string(0));
    return Call.nullSafe(
        c.sql(),
        DataTypes.StringType,
        c.arg(0).nullable(),
        args,
        a -> {
          if (a[0] == null) {
            return null;
          }
          Object[] rest = Arrays.copyOfRange(a, 1, a.length);
          for (int i = 0; i < rest.length; i++) {
            if (rest[i] instanceof java.time.LocalDate || rest[i] instanceof java.time.Instant) {
              rest[i] = rest[i].toString();
            }
          }
          return String.format(Locale.US, (String) a[0], rest);
        });
  }

  private static Expr translate(FnCall c) {
    c.arity(3, 3);
    return Call.strict(
        c.sql(),
        DataTypes.StringType,
        List.of(c.string(0), c.string(1), c.string(2)),
        a -> {
          String s = (String) a[0];
          String from = (String) a[1];
          String to = (String) a[2];
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            int idx = from.indexOf(ch);
            if (idx < 0) {
              sb.append(ch);
            } else if (idx < to.length()) {
              sb.append(to.charAt(idx));
            }
          }
          return sb.toString();
        });
  }

  private static String soundex(String s) {
    if (s.isEmpty()
        || Character.toUpperCase(s.charAt(0)) < 'A'
        || Character.toUpperCase(s.charAt(0)) > 'Z') {
      return s;
    }
    String codes = "01230120022455012623010202";
    StringBuilder sb = new StringBuilder().append(Character.toUpperCase(s.charAt(0)));
    char last = codes.charAt(Character.toUpperCase(s.charAt(0)) - 'A');
    for (int i = 1; i < s.length() && sb.length() < 4; i++) {
      char ch = Character.toUpperCase(s.charAt(i));
      if (ch < 'A' || ch > 'Z') {
        last = '0';
        continue;
      }
      char code = codes.charAt(ch - 'A');
      if (code != '0' && code != last) {
        sb.append(code);
      }
      if (ch != 'H' && ch != 'W') {
        last = code;
      }
    }
    while (sb.length() < 4) {
      sb.append('0');
    }
    return sb.toString();
  }

  private static Expr overlay(FnCall c) {
    c.arity(3, 4);
    List<Expr> args = new ArrayList<>(List.of(c.string(0), c.string(1), c.integer(2)));
    args.add(
        c.arity() == 4
            ? c.integer(3)
            : dev.forgeline.mock.engine.Lit.of(-1, DataTypes.IntegerType));
    return Call.strict(
        sqlOf("overlay", args),
        DataTypes.StringType,
        args,
        a -> {
          String s = (String) a[0];
          String rep = (String) a[1];
          int pos = (Integer) a[2];
          int len = (Integer) a[3];
          int l = len >= 0 ? len : rep.codePointCount(0, rep.length());
          return substringSql(s, 1, pos - 1) + rep + substringSql(s, pos + l, Integer.MAX_VALUE);
        });
  }
}
