package dev.forgeline.core.internal.graph;

import dev.forgeline.core.error.ErrorId;
import dev.forgeline.core.error.Problem;
import java.util.ArrayList;
import java.util.List;

/** Builds the definition problems of a pipeline, one factory method per kind of problem. */
final class Errors {
  /** The most candidates listed in one problem; the rest are counted. */
  static final int MAX_LISTED = 10;

  private Errors() {}

  static Problem emptyPipeline() {
    return new Problem(
        ErrorId.EMPTY_PIPELINE,
        "The pipeline has no factory.",
        "",
        List.of(),
        "add factories with stage(\"name\", s -> s.add(MyFactory.class)).");
  }

  static Problem checkFailed(Object check, String place, RuntimeException e) {
    return new Problem(
        ErrorId.CHECK_FAILED,
        "The check [" + check.getClass().getName() + "] threw instead of reporting problems.",
        place,
        List.of("error: " + e.getClass().getName() + ": " + e.getMessage()),
        "fix the check (a PipelineCheck returns problems; it must not throw).");
  }

  static Problem nullFactory(String stage, int position) {
    return new Problem(
        ErrorId.NULL_FACTORY,
        "A null factory was added.",
        "stage [" + stage + "], position " + position,
        List.of(),
        "pass a factory class or instance; check the variable that held it.");
  }

  static Problem duplicateFactory(String stage, int position, Object instance, String first) {
    return new Problem(
        ErrorId.DUPLICATE_FACTORY,
        "The same factory instance [" + instance + "] was added twice.",
        "stage [" + stage + "], position " + position,
        List.of("first added as: " + first),
        "one instance can run once per run; add a second instance, or the class twice with"
            + " different ids.");
  }

  static Problem duplicateId(String id, List<String> places) {
    List<String> found = new ArrayList<>();
    for (String p : places) {
      found.add("used by: " + p);
    }
    return new Problem(
        ErrorId.DUPLICATE_ID,
        "The id [" + id + "] is used " + places.size() + " times.",
        "",
        found,
        "give each factory its own id, e.g. FactorySpec.of(MyFactory.class).withId(\""
            + id
            + "-2\") or add(\""
            + id
            + "-2\", MyFactory.class).");
  }

  static Problem unresolvedOutputType(String stage, String id, Class<?> type) {
    return new Problem(
        ErrorId.UNRESOLVED_OUTPUT_TYPE,
        "The output type of factory class [" + type.getName() + "] cannot be determined.",
        "factory [" + id + "], stage [" + stage + "]",
        List.of(
            "found: "
                + Types.render(
                    com.google.inject.TypeLiteral.get(type)
                        .getSupertype(dev.forgeline.core.Factory.class)
                        .getType())),
        "implement Factory with a concrete type argument, e.g. `implements"
            + " Factory<Dataset<Row>>`; lambdas and generic factory classes lose it.");
  }

  static Problem rawDeliveryType(Node node, DeliveryScanner.Defect defect) {
    return new Problem(
        ErrorId.RAW_DELIVERY_TYPE,
        "A delivery is declared with a raw type, so it cannot be matched by its generic type.",
        node.place() + ", " + defect.member(),
        List.of(defect.found()),
        "declare the full type, e.g. Dataset<Row> or Dataset<Order>.");
  }

  static Problem invalidDeliveryMember(Node node, DeliveryScanner.Defect defect) {
    return new Problem(
        ErrorId.INVALID_DELIVERY_MEMBER,
        "@Delivery must be on an instance field that is not final, or on a setter with one"
            + " parameter.",
        node.place() + ", " + defect.member(),
        List.of(defect.found()),
        "move @Delivery to a non-final field or a one-parameter instance setter.");
  }

  static Problem unknownDeliveryMember(String place, String member, List<String> known) {
    return new Problem(
        ErrorId.INVALID_DELIVERY_MEMBER,
        "withDelivery names [" + member + "], which is not a @Delivery field or setter.",
        place,
        List.of("delivery members: " + known),
        "name one of the factory's @Delivery fields or setters.");
  }

  static Problem missingDelivery(
      Node node, DeliveryPoint p, List<String> available, List<String> didYouMean) {
    List<String> found = new ArrayList<>();
    found.add("required: " + requirement(p));
    found.add(available.isEmpty() ? "available: nothing" : "available: " + listed(available));
    if (!didYouMean.isEmpty()) {
      found.add("did you mean: " + String.join(", ", didYouMean) + "?");
    }
    return new Problem(
        ErrorId.MISSING_DELIVERY,
        "No producer of " + Types.render(p.type()) + " for delivery " + p.describe() + ".",
        node.place() + ", " + p.describe(),
        found,
        "add a factory that produces "
            + Types.render(p.type())
            + ", hand one in with input(...), or mark it @Delivery(optional = true).");
  }

  /**
   * A delivery names a producer id that no factory has, while producers of its type exist: the ids
   * are ranked by edit distance to the one asked for, the closest first.
   */
  static Problem unknownProducerId(Node node, DeliveryPoint p, List<String> ids) {
    List<String> ranked = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
    ranked.sort(
        java.util.Comparator.comparingInt((String id) -> editDistance(p.id(), id))
            .thenComparing(java.util.Comparator.naturalOrder()));
    List<String> found = new ArrayList<>();
    found.add("did you mean [" + ranked.get(0) + "]?");
    found.add(
        "producers of "
            + Types.render(p.type())
            + ", closest first: "
            + ranked.subList(0, Math.min(MAX_LISTED, ranked.size())));
    return new Problem(
        ErrorId.MISSING_DELIVERY,
        "No producer has id ["
            + p.id()
            + "] for delivery "
            + p.describe()
            + " of "
            + Types.render(p.type())
            + ".",
        node.place() + ", " + p.describe(),
        found,
        "fix the id in @Delivery(id = \"...\"), or give the intended factory that id with"
            + " add(\""
            + p.id()
            + "\", ...) or FactorySpec.withId(\""
            + p.id()
            + "\").");
  }

  /** Levenshtein distance, case-insensitive. */
  static int editDistance(String a, String b) {
    String x = a.toLowerCase(java.util.Locale.ROOT);
    String y = b.toLowerCase(java.util.Locale.ROOT);
    int[] prev = new int[y.length() + 1];
    int[] cur = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[y.length()];
  }

  static Problem ambiguousDelivery(Node node, DeliveryPoint p, List<String> candidates) {
    List<String> found = new ArrayList<>();
    found.add("required: " + requirement(p));
    for (String c : candidates.subList(0, Math.min(MAX_LISTED, candidates.size()))) {
      found.add("candidate: " + c);
    }
    if (candidates.size() > MAX_LISTED) {
      found.add("... and " + (candidates.size() - MAX_LISTED) + " more candidates");
    }
    return new Problem(
        ErrorId.AMBIGUOUS_DELIVERY,
        candidates.size()
            + " producers of "
            + Types.render(p.type())
            + " match delivery "
            + p.describe()
            + ".",
        node.place() + ", " + p.describe(),
        found,
        "choose one with @Delivery(id = \"...\") or @Delivery(producer = SomeFactory.class).");
  }

  static Problem typeMismatch(Node node, DeliveryPoint p, List<String> named) {
    List<String> found = new ArrayList<>();
    found.add("required: " + requirement(p));
    for (String n : named) {
      found.add("named producer: " + n);
    }
    return new Problem(
        ErrorId.TYPE_MISMATCH,
        "The producer named by delivery "
            + p.describe()
            + " does not produce "
            + Types.render(p.type())
            + ".",
        node.place() + ", " + p.describe(),
        found,
        "change the delivery's type to what the producer makes, or name a producer of "
            + Types.render(p.type())
            + ".");
  }

  static Problem cycle(List<Node> path) {
    StringBuilder b = new StringBuilder();
    for (Node n : path) {
      b.append(n.id()).append(" -> ");
    }
    b.append(path.get(0).id());
    List<String> scopes =
        path.stream().map(n -> n.scope().isEmpty() ? "(top)" : n.scope()).distinct().toList();
    List<String> found = new ArrayList<>();
    found.add("cycle: " + b);
    if (scopes.size() > 1) {
      found.add("across namespaces: " + scopes);
    }
    return new Problem(
        ErrorId.CYCLE,
        "Deliveries form a cycle of " + path.size() + " factories.",
        path.get(0).place(),
        found,
        "break the cycle: one of these factories must not need the output of another;"
            + " split a factory or mark a delivery optional and hand the value in with input(...)."
            + (scopes.size() > 1
                ? " The cycle crosses sub-pipelines: check their input(...) and output(...)"
                    + " mappings."
                : ""));
  }

  static Problem injectionFailed(String place, String guiceMessage) {
    List<String> found = new ArrayList<>();
    for (String line : guiceMessage.strip().split("\n")) {
      if (!line.isBlank()) {
        found.add("guice: " + line.strip());
      }
    }
    return new Problem(
        ErrorId.INJECTION_FAILED,
        "Guice cannot create the factory.",
        place,
        found,
        "bind what it needs in a module passed to modules(...) or FactorySpec.withModules(...).");
  }

  private static String requirement(DeliveryPoint p) {
    StringBuilder b = new StringBuilder(Types.render(p.type()));
    if (!p.id().isEmpty()) {
      b.append(" with id [").append(p.id()).append(']');
    }
    if (p.producer() != null) {
      b.append(" from producer class [").append(p.producer().getName()).append(']');
    }
    return b.toString();
  }

  private static String listed(List<String> items) {
    if (items.size() <= MAX_LISTED) {
      return String.join("; ", items);
    }
    return String.join("; ", items.subList(0, MAX_LISTED))
        + "; ... and "
        + (items.size() - MAX_LISTED)
        + " more";
  }
}
