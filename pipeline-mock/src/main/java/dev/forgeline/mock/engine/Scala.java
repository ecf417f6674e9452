package dev.forgeline.mock.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/** Conversions between the Scala collections of Spark's API and Java collections. */
public final class Scala {
  private Scala() {}

  /** Copies a Scala sequence into a mutable Java list; null becomes an empty list. */
  public static <T> List<T> list(scala.collection.Iterable<T> seq) {
    List<T> out = new ArrayList<>();
    if (seq != null) {
      seq.foreach(x -> out.add(x));
    }
    return out;
  }

  /** Wraps a Java list as an immutable Scala sequence. */
  public static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
    return CollectionConverters.asScala(new ArrayList<>(list)).toList();
  }

  /** Copies a Java map into an immutable Scala map. */
  public static <K, V> scala.collection.immutable.Map<K, V> map(Map<K, V> map) {
    return scala.collection.immutable.Map$.MODULE$.from(CollectionConverters.asScala(map));
  }

  /** Copies a Scala map into an insertion-ordered Java map. */
  public static <K, V> Map<K, V> javaMap(scala.collection.Map<K, V> map) {
    Map<K, V> out = new LinkedHashMap<>();
    map.foreach(t -> out.put(t._1(), t._2()));
    return out;
  }

  /** Returns the option's value or null. */
  public static <T> T orNull(Option<T> option) {
    return option == null || option.isEmpty() ? null : option.get();
  }

  /** Wraps a possibly-null value as an option. */
  public static <T> Option<T> option(T value) {
    return Option.apply(value);
  }

  /** Returns an immutable Scala set of the given values. */
  public static <T> scala.collection.immutable.Set<T> set(java.util.Collection<T> values) {
    return CollectionConverters.asScala(new java.util.LinkedHashSet<>(values)).toSet();
  }
}
