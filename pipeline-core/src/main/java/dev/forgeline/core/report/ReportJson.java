package dev.forgeline.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link PipelineReport}, with a schema version so saved reports stay readable.
 *
 * <p>Version 2 (written now): instants as ISO-8601 text; every duration in milliseconds as a
 * decimal number with nanosecond digits ({@code durationMs}, {@code phasesMs}, {@code totalMs}...),
 * so the round trip is exact; each step lists its {@code upstream} step ids, so a saved report is
 * enough to draw the graph. Version 1 (0.1.0 before the field existed) had no {@code schemaVersion}
 * and wrote durations as ISO-8601 text ({@code PT13.25S}); {@link #read} accepts both.
 *
 * @since 0.1.0
 */
public final class ReportJson {
  /** The schema version {@link #write} produces. */
  public static final int SCHEMA_VERSION = 2;

  /** Strings longer than this in a report (a huge message) are still read back. */
  static final int MAX_STRING_LENGTH = 200_000_000;

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  static {
    JSON.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxStringLength(MAX_STRING_LENGTH).build());
  }

  private ReportJson() {}

  /** Writes {@code report} as JSON of version {@value #SCHEMA_VERSION}. */
  public static String write(PipelineReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("runId", report.runId());
    root.put("pipeline", report.pipeline());
    root.put("status", report.status().name());
    root.put("start", report.start().toString());
    root.put("end", report.end().toString());
    root.put("durationMs", ms(report.duration()));
    root.put("environment", report.environment());
    root.put("forgelineVersion", report.forgelineVersion());
    root.put("sparkVersion", report.sparkVersion());
    root.put("sparkApplicationId", report.sparkApplicationId());
    root.put("configHash", report.configHash());
    putStrings(root.putObject("metadata"), report.metadata());
    PipelineMetrics m = report.metrics();
    ObjectNode metrics = root.putObject("metrics");
    ObjectNode counts = metrics.putObject("steps");
    m.steps().forEach((s, n) -> counts.put(s.name(), n));
    metrics.put("totalMs", ms(m.total()));
    metrics.put("criticalPathMs", ms(m.criticalPath()));
    metrics.put("busyMs", ms(m.busy()));
    ArrayNode steps = root.putArray("steps");
    for (StepResult s : report.steps()) {
      writeStep(steps.addObject(), s);
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(
          "Cannot write report of run [" + report.runId() + "] as JSON", e);
    }
  }

  private static void writeStep(ObjectNode o, StepResult s) {
    o.put("factoryId", s.factoryId());
    o.put("factoryClass", s.factoryClass());
    o.put("stage", s.stage());
    o.put("status", s.status().name());
    o.put("reason", s.reason());
    o.put("start", s.start() == null ? null : s.start().toString());
    o.put("end", s.end() == null ? null : s.end().toString());
    o.put("durationMs", ms(s.duration()));
    ObjectNode phases = o.putObject("phasesMs");
    s.phases().forEach((p, d) -> phases.put(p.name(), ms(d)));
    o.put("attempts", s.attempts());
    o.put("thread", s.thread());
    o.put("rows", s.rows());
    o.put("rowsWritten", s.rowsWritten());
    ObjectNode versions = o.putObject("tableVersions");
    s.tableVersions().forEach(versions::put);
    ArrayNode up = o.putArray("upstream");
    s.upstream().forEach(up::add);
    if (s.validation() == null) {
      o.putNull("validation");
    } else {
      ValidationResult v = s.validation();
      ObjectNode vo = o.putObject("validation");
      vo.put("total", v.total());
      vo.put("valid", v.valid());
      vo.put("invalid", v.invalid());
      vo.put("passRate", v.passRate());
      ArrayNode failed = vo.putArray("failedRules");
      v.failedRules().forEach(failed::add);
      ObjectNode byRule = vo.putObject("failuresByRule");
      v.failuresByRule().forEach(byRule::put);
    }
    o.put("cacheKey", s.cacheKey());
    putStrings(o.putObject("metadata"), s.metadata());
    if (s.error() == null) {
      o.putNull("error");
    } else {
      ErrorInfo e = s.error();
      ObjectNode eo = o.putObject("error");
      eo.put("id", e.id());
      eo.put("phase", e.phase() == null ? null : e.phase().name());
      eo.put("type", e.type());
      eo.put("message", e.message());
      eo.put("stackTrace", e.stackTrace());
    }
  }

  /**
   * Reads a report of any schema version up to {@value #SCHEMA_VERSION}.
   *
   * @throws IllegalArgumentException naming the problem and where, when {@code json} is not a
   *     report or is of a newer version
   */
  public static PipelineReport read(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Not a pipeline report: " + e.getOriginalMessage() + " at " + e.getLocation(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("Not a pipeline report: the JSON is not an object");
    }
    int version = root.has("schemaVersion") ? root.get("schemaVersion").asInt() : 1;
    if (version < 1 || version > SCHEMA_VERSION) {
      throw new IllegalArgumentException(
          "Report schemaVersion was ["
              + version
              + "] but this Forgeline reads versions 1 to "
              + SCHEMA_VERSION
              + "; read it with a newer Forgeline");
    }
    try {
      return version == 1 ? readV1(root) : readV2(root);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Not a pipeline report (schema version " + version + "): " + e.getMessage(), e);
    }
  }

  private static final java.util.Set<String> REPORT_FIELDS =
      java.util.Set.of(
          "schemaVersion",
          "runId",
          "pipeline",
          "status",
          "start",
          "end",
          "durationMs",
          "environment",
          "forgelineVersion",
          "sparkVersion",
          "sparkApplicationId",
          "configHash",
          "metadata",
          "metrics",
          "steps");
  private static final java.util.Set<String> STEP_FIELDS =
      java.util.Set.of(
          "factoryId",
          "factoryClass",
          "stage",
          "status",
          "reason",
          "start",
          "end",
          "durationMs",
          "phasesMs",
          "attempts",
          "thread",
          "rows",
          "rowsWritten",
          "tableVersions",
          "upstream",
          "validation",
          "cacheKey",
          "metadata",
          "error");

  /** A field this version does not define is an error: a typo must not pass as "unknown". */
  private static void onlyKnown(JsonNode n, java.util.Set<String> known, String where) {
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      if (!known.contains(e.getKey())) {
        throw new IllegalArgumentException(
            "unknown field ["
                + e.getKey()
                + "] in "
                + where
                + "; known fields: "
                + new java.util.TreeSet<>(known));
      }
    }
  }

  private static PipelineReport readV2(JsonNode r) {
    onlyKnown(r, REPORT_FIELDS, "the report");
    JsonNode m = required(r, "metrics");
    PipelineMetrics metrics =
        new PipelineMetrics(
            counts(required(m, "steps")),
            duration(required(m, "totalMs")),
            duration(required(m, "criticalPathMs")),
            duration(required(m, "busyMs")));
    List<StepResult> steps = new ArrayList<>();
    for (JsonNode s : required(r, "steps")) {
      steps.add(readStep(s, 2));
    }
    return new PipelineReport(
        text(r, "runId"),
        text(r, "pipeline"),
        instant(r, "start"),
        instant(r, "end"),
        Status.valueOf(text(r, "status")),
        steps,
        metrics,
        text(r, "environment"),
        text(r, "forgelineVersion"),
        text(r, "sparkVersion"),
        text(r, "sparkApplicationId"),
        text(r, "configHash"),
        strings(r.get("metadata")));
  }

  private static PipelineReport readV1(JsonNode r) {
    JsonNode m = required(r, "metrics");
    PipelineMetrics metrics =
        new PipelineMetrics(
            counts(required(m, "steps")),
            Duration.parse(text(m, "total")),
            Duration.parse(text(m, "criticalPath")),
            Duration.parse(text(m, "busy")));
    List<StepResult> steps = new ArrayList<>();
    for (JsonNode s : required(r, "steps")) {
      steps.add(readStep(s, 1));
    }
    return new PipelineReport(
        text(r, "runId"),
        text(r, "pipeline"),
        instant(r, "start"),
        instant(r, "end"),
        Status.valueOf(text(r, "status")),
        steps,
        metrics);
  }

  private static StepResult readStep(JsonNode s, int version) {
    if (version >= 2) {
      onlyKnown(s, STEP_FIELDS, "step [" + text(s, "factoryId") + "]");
    }
    Map<Phase, Duration> phases = new EnumMap<>(Phase.class);
    JsonNode ph = s.get(version == 1 ? "phases" : "phasesMs");
    if (ph != null && !ph.isNull()) {
      for (Map.Entry<String, JsonNode> e : ph.properties()) {
        phases.put(
            Phase.valueOf(e.getKey()),
            version == 1 ? Duration.parse(e.getValue().asText()) : duration(e.getValue()));
      }
    }
    StepResult.Builder b =
        StepResult.builder(
                text(s, "factoryId"),
                text(s, "factoryClass"),
                text(s, "stage"),
                Status.valueOf(text(s, "status")))
            .reason(text(s, "reason"))
            .start(instant(s, "start"))
            .end(instant(s, "end"))
            .phases(phases)
            .attempts(s.path("attempts").asInt(0))
            .thread(text(s, "thread"))
            .error(error(s.get("error")))
            .rows(longOrNull(s.get("rows")))
            .cacheKey(text(s, "cacheKey"));
    if (version >= 2) {
      Map<String, Long> versions = new LinkedHashMap<>();
      JsonNode tv = s.get("tableVersions");
      if (tv != null) {
        tv.properties().forEach(e -> versions.put(e.getKey(), e.getValue().asLong()));
      }
      List<String> upstream = new ArrayList<>();
      JsonNode up = s.get("upstream");
      if (up != null) {
        up.forEach(u -> upstream.add(u.asText()));
      }
      b.rowsWritten(longOrNull(s.get("rowsWritten")))
          .tableVersions(versions)
          .upstream(upstream)
          .validation(validation(s.get("validation")))
          .metadata(strings(s.get("metadata")));
    }
    return b.build();
  }

  private static ValidationResult validation(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    List<String> failed = new ArrayList<>();
    v.path("failedRules").forEach(f -> failed.add(f.asText()));
    Map<String, Long> byRule = new LinkedHashMap<>();
    v.path("failuresByRule")
        .properties()
        .forEach(e -> byRule.put(e.getKey(), e.getValue().asLong()));
    return new ValidationResult(
        required(v, "total").asLong(),
        required(v, "valid").asLong(),
        required(v, "invalid").asLong(),
        required(v, "passRate").asDouble(),
        failed,
        byRule);
  }

  private static ErrorInfo error(JsonNode e) {
    if (e == null || e.isNull()) {
      return null;
    }
    String phase = text(e, "phase");
    String trace = text(e, "stackTrace");
    return new ErrorInfo(
        text(e, "id"),
        phase == null ? null : Phase.valueOf(phase),
        text(e, "type"),
        text(e, "message"),
        trace == null ? "" : trace);
  }

  private static Map<Status, Integer> counts(JsonNode n) {
    Map<Status, Integer> out = new EnumMap<>(Status.class);
    n.properties().forEach(e -> out.put(Status.valueOf(e.getKey()), e.getValue().asInt()));
    return out;
  }

  private static Map<String, String> strings(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n != null && !n.isNull()) {
      n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  private static void putStrings(ObjectNode o, Map<String, String> values) {
    values.forEach(o::put);
  }

  private static JsonNode required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("field [" + field + "] is missing");
    }
    return v;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Instant instant(JsonNode n, String field) {
    String t = text(n, field);
    return t == null ? null : Instant.parse(t);
  }

  private static Long longOrNull(JsonNode n) {
    return n == null || n.isNull() ? null : n.asLong();
  }

  /** Milliseconds with nanosecond digits, exact. */
  static BigDecimal ms(Duration d) {
    return BigDecimal.valueOf(d.toNanos(), 6);
  }

  private static Duration duration(JsonNode ms) {
    return Duration.ofNanos(ms.decimalValue().movePointRight(6).longValueExact());
  }
}
