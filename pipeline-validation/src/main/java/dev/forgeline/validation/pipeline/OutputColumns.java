package dev.forgeline.validation.pipeline;

import dev.forgeline.core.Factory;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a factory's declared output type says about its columns: whether it is a Dataset and, for a
 * typed {@code Dataset<T>} of a record or bean, the columns it can have.
 */
record OutputColumns(boolean dataset, String typeName, Optional<List<String>> known) {

  static OutputColumns of(Class<?> factoryClass) {
    Type out = factoryClass == null ? null : outputType(factoryClass);
    if (out == null) {
      return new OutputColumns(true, "of unknown type", Optional.empty());
    }
    if (!(out instanceof ParameterizedType p) || p.getRawType() != Dataset.class) {
      boolean raw = out == Dataset.class;
      return new OutputColumns(raw, out.getTypeName(), Optional.empty());
    }
    Type element = p.getActualTypeArguments()[0];
    String name = "Dataset<" + simple(element) + ">";
    if (!(element instanceof Class<?> c) || c == Row.class) {
      return new OutputColumns(true, name, Optional.empty());
    }
    return new OutputColumns(true, name, columns(c));
  }

  private static Type outputType(Class<?> cls) {
    for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Type t : c.getGenericInterfaces()) {
        if (t instanceof ParameterizedType p && p.getRawType() == Factory.class) {
          Type arg = p.getActualTypeArguments()[0];
          return arg instanceof Class<?> || arg instanceof ParameterizedType ? arg : null;
        }
      }
    }
    return null;
  }

  private static Optional<List<String>> columns(Class<?> c) {
    if (c.isRecord()) {
      return Optional.of(
          Arrays.stream(c.getRecordComponents()).map(RecordComponent::getName).toList());
    }
    try {
      List<String> names = new ArrayList<>();
      for (PropertyDescriptor d :
          Introspector.getBeanInfo(c, Object.class).getPropertyDescriptors()) {
        if (d.getReadMethod() != null && d.getWriteMethod() != null) {
          names.add(d.getName());
        }
      }
      return names.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(names));
    } catch (IntrospectionException e) {
      return Optional.empty();
    }
  }

  private static String simple(Type t) {
    return t instanceof Class<?> c ? c.getSimpleName() : t.getTypeName();
  }
}
