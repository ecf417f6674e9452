package dev.forgeline.test;

import dev.forgeline.core.cli.LogDefaults;
import dev.forgeline.mock.MockSparkSession;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link SparkTest}: hands each test a {@code SparkSession} of the
 * {@link Backend} the switch selects, isolated per test or shared per class, and skips tests marked
 * {@link RequiresSpark} on the mock. Register it with {@code @SparkTest} or
 * {@code @ExtendWith(SparkExtension.class)} (which isolates per test).
 *
 * <p>Asking for real Spark when spark-sql is not on the test classpath fails the test with {@code
 * [Forgeline/SparkNotOnClasspath]}, naming the dependency to add.
 *
 * @since 0.1.0
 */
public final class SparkExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver, ExecutionCondition {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SparkExtension.class);
  private static final String SESSION = "session";

  /** Created by JUnit. */
  public SparkExtension() {}

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<RequiresSpark> needs =
        context.getElement().flatMap(e -> AnnotationSupport.findAnnotation(e, RequiresSpark.class));
    if (needs.isEmpty()) {
      return ConditionEvaluationResult.enabled("no @RequiresSpark");
    }
    if (Backend.current() == Backend.SPARK) {
      return ConditionEvaluationResult.enabled("runs on real Spark");
    }
    String why = needs.get().value().isBlank() ? "" : " (" + needs.get().value() + ")";
    return ConditionEvaluationResult.disabled(
        "needs real Spark"
            + why
            + " and the backend is the mock; run it with -D"
            + Backend.PROPERTY
            + "=spark or "
            + Backend.ENV_VARIABLE
            + "=spark");
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    List<Field> statics = sessionFields(context.getRequiredTestClass(), true);
    if (statics.isEmpty()) {
      return;
    }
    if (isolation(context) != SparkTest.Isolation.PER_CLASS) {
      throw new ExtensionConfigurationException(
          "static SparkSession field ["
              + statics.get(0).getDeclaringClass().getSimpleName()
              + "."
              + statics.get(0).getName()
              + "] needs a session shared by the class: use"
              + " @SparkTest(isolation = SparkTest.Isolation.PER_CLASS), or make the field an"
              + " instance field");
    }
    SparkSession session = session(context);
    for (Field f : statics) {
      f.setAccessible(true);
      f.set(null, session);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    // A @Nested test's instances include those of its enclosing classes: fill their fields too.
    SparkSession session = null;
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Field f : sessionFields(instance.getClass(), false)) {
        session = session == null ? session(context) : session;
        f.setAccessible(true);
        f.set(instance, session);
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (context.getTestMethod().isEmpty() && isolation(context) != SparkTest.Isolation.PER_CLASS) {
      throw new ParameterResolutionException(
          "a SparkSession parameter of ["
              + parameter.getDeclaringExecutable()
              + "] runs outside a test, so it needs a session shared by the class: use"
              + " @SparkTest(isolation = SparkTest.Isolation.PER_CLASS)");
    }
    return session(context);
  }

  /**
   * The session for {@code context}: when shared, that of the class whose {@code @SparkTest} asks
   * for sharing (for a {@code @Nested} class without its own annotation, the enclosing class that
   * has one, so nested tests share the session its {@code @BeforeAll} set up); else the test's own.
   */
  private static SparkSession session(ExtensionContext context) {
    ExtensionContext declaring = declaringClassContext(context);
    ExtensionContext owner =
        isolation(context) == SparkTest.Isolation.PER_CLASS ? declaring : context;
    // A store also answers with its ancestors' values: key the session by its owner, so a test
    // of a nested class never picks up the session its enclosing class shares.
    return owner
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(SESSION + ":" + owner.getUniqueId(), k -> Owned.create(), Owned.class)
        .session();
  }

  /**
   * The context of the innermost class, from the test's own class out through the classes that
   * enclose a {@code @Nested} one, that carries {@code @SparkTest}; null when none does (the
   * extension was registered with {@code @ExtendWith}).
   */
  private static ExtensionContext declaringClassContext(ExtensionContext context) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      if (c.getTestMethod().isEmpty()
          && c.getTestClass().isPresent()
          && AnnotationSupport.findAnnotation(c.getTestClass().get(), SparkTest.class)
              .isPresent()) {
        return c;
      }
    }
    return null;
  }

  /** The isolation the nearest {@code @SparkTest} asks for; per test when there is none. */
  private static SparkTest.Isolation isolation(ExtensionContext context) {
    ExtensionContext declaring = declaringClassContext(context);
    return declaring == null
        ? SparkTest.Isolation.PER_TEST
        : AnnotationSupport.findAnnotation(declaring.getRequiredTestClass(), SparkTest.class)
            .map(SparkTest::isolation)
            .orElse(SparkTest.Isolation.PER_TEST);
  }

  private static List<Field> sessionFields(Class<?> type, boolean statics) {
    List<Field> out = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getType() == SparkSession.class
            && Modifier.isStatic(f.getModifiers()) == statics
            && !Modifier.isFinal(f.getModifiers())) {
          out.add(f);
        }
      }
    }
    return out;
  }

  /** A session the store closes when its test or class ends. */
  private record Owned(SparkSession session, boolean real)
      implements ExtensionContext.Store.CloseableResource {
    static Owned create() {
      LogDefaults.apply(false); // Spark at WARN unless the test's own log4j2 file says otherwise
      return switch (Backend.current()) {
        case MOCK -> new Owned(MockSparkSession.create(), false);
        case SPARK -> new Owned(LocalSpark.isolated(), true);
      };
    }

    @Override
    public void close() {
      if (real) {
        LocalSpark.release(session); // never stop(): it would stop the JVM's shared context
      } else {
        session.stop();
      }
    }
  }
}
