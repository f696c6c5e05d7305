package dev.opkit.sandbox.junit5;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Whether a test (or a test class) asks for a {@link SandboxClientIdentity}, so that its session is
 * made with the client wallet and key in the same request. A miss costs two more requests when the
 * identity is asked for after all (e.g. by an enclosing class's {@code @BeforeEach}), never a wrong
 * answer.
 */
final class ClientDemand {
  private static final ClassValue<Boolean> ANY_METHOD =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return !ReflectionSupport.findMethods(
                  type, ClientDemand::asks, HierarchyTraversalMode.TOP_DOWN)
              .isEmpty();
        }
      };
  private static final ClassValue<Boolean> EACH_METHOD =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return lifecycleAsks(type, BeforeEach.class) || lifecycleAsks(type, AfterEach.class);
        }
      };

  private ClientDemand() {}

  /** For a session per class: any method of the class may use it. */
  static boolean ofClass(Class<?> testClass) {
    return ANY_METHOD.get(testClass);
  }

  /** For a session per test: the test method and the class's per-test lifecycle methods. */
  static boolean ofTest(Class<?> testClass, Method testMethod) {
    return asks(testMethod) || EACH_METHOD.get(testClass);
  }

  private static boolean lifecycleAsks(Class<?> type, Class<? extends Annotation> lifecycle) {
    return AnnotationSupport.findAnnotatedMethods(type, lifecycle, HierarchyTraversalMode.TOP_DOWN)
        .stream()
        .anyMatch(ClientDemand::asks);
  }

  private static boolean asks(Method method) {
    return Arrays.asList(method.getParameterTypes()).contains(SandboxClientIdentity.class);
  }
}
