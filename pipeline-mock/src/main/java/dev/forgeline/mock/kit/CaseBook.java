package dev.forgeline.mock.kit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the cases of one area under ids {@code area.name}; rejects a repeated id at once.
 * Shorthands cover the common shapes: unordered rows, ordered rows, an expected error, printed
 * text.
 */
final class CaseBook {

  private final Map<String, KitCase> cases = new LinkedHashMap<>();
  private String area = "unset";

  CaseBook area(String name) {
    this.area = name;
    return this;
  }

  /** A program whose rows are compared as a multiset. */
  void rows(String name, String description, KitProgram program) {
    add(name, description, program, Observation.rows(), null, Map.of(), 0);
  }

  /**
   * A program whose rows are compared as a multiset and that needs Spark's own SQL parser on the
   * reference session (see {@link KitCase#needsSparkParser()}).
   */
  void rowsWithSparkParser(String name, String description, KitProgram program) {
    put(rows(name, description, program, true));
  }

  /** A program that orders its rows, so order is compared. */
  void ordered(String name, String description, KitProgram program) {
    add(name, description, program, Observation.orderedRows(), null, Map.of(), 0);
  }

  /** A program that Spark rejects with the given error condition. */
  void fails(String name, String description, String condition, KitProgram program) {
    add(name, description, program, Observation.rows(), condition, Map.of(), 0);
  }

  /** A program observed through {@code show(numRows, truncate, vertical)}. */
  void show(
      String name,
      String description,
      int numRows,
      int truncate,
      boolean vertical,
      KitProgram program) {
    add(
        name,
        description,
        program,
        Observation.show(numRows, truncate, vertical),
        null,
        Map.of(),
        0);
  }

  /** A program observed through another action. */
  void observed(String name, String description, Observation observation, KitProgram program) {
    add(name, description, program, observation, null, Map.of(), 0);
  }

  /** A program whose doubles are compared with a relative tolerance. */
  void approx(String name, String description, double tolerance, KitProgram program) {
    add(name, description, program, Observation.rows(), null, Map.of(), tolerance);
  }

  /** A program run with session settings (for example a time zone). */
  void withConf(String name, String description, Map<String, String> conf, KitProgram program) {
    add(name, description, program, Observation.rows(), null, conf, 0);
  }

  void add(
      String name,
      String description,
      KitProgram program,
      Observation observation,
      String condition,
      Map<String, String> conf,
      double tolerance) {
    String id = area + "." + name;
    put(new KitCase(id, area, description, program, observation, condition, conf, tolerance));
  }

  private KitCase rows(
      String name, String description, KitProgram program, boolean needsSparkParser) {
    String id = area + "." + name;
    return new KitCase(
        id, area, description, program, Observation.rows(), null, Map.of(), 0, needsSparkParser);
  }

  private void put(KitCase c) {
    if (cases.putIfAbsent(c.id(), c) != null) {
      throw new IllegalStateException("kit case id [" + c.id() + "] is defined twice");
    }
  }

  List<KitCase> build() {
    return List.copyOf(new ArrayList<>(cases.values()));
  }
}
