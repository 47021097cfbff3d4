package dev.floe.testing;

import dev.floe.testing.catalog.RestCatalogServer;
import dev.floe.testing.oauth2.OAuth2Server;
import dev.floe.testing.s3.S3Server;
import dev.floe.testing.telemetry.LineageReceiver;
import dev.floe.testing.telemetry.OtlpReceiver;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * The JUnit 5 extension behind {@link FloeServers}: resolves parameters and fills {@link
 * InjectServer} fields of type {@link OAuth2Server}, {@link RestCatalogServer}, {@link S3Server},
 * {@link OtlpReceiver} and {@link LineageReceiver}.
 *
 * <p>Servers are created on first use, one of each kind per test class (shared with {@link
 * org.junit.jupiter.api.Nested} classes), wired as {@link FloeServers} describes, and closed after
 * the class's {@code AfterAll} methods, the last started first, whether the tests passed or not.
 * Use it through {@code @FloeServers}, or with {@code @ExtendWith(FloeServersExtension.class)} for
 * the default settings. It is safe for tests that run in parallel.
 */
public final class FloeServersExtension
    implements ParameterResolver, TestInstancePostProcessor, BeforeAllCallback, AfterAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FloeServersExtension.class);
  private static final String SERVERS = "servers";
  private static final Set<Class<?>> SERVER_TYPES =
      Set.of(
          OAuth2Server.class,
          RestCatalogServer.class,
          S3Server.class,
          OtlpReceiver.class,
          LineageReceiver.class);

  /** Creates the extension; JUnit does this for {@code @FloeServers} classes. */
  public FloeServersExtension() {}

  /**
   * Tells JUnit that this extension resolves parameters of the server and receiver types.
   *
   * @param parameter the parameter JUnit asks about
   * @param context the extension context
   * @return {@code true} for parameters of type {@link OAuth2Server}, {@link RestCatalogServer},
   *     {@link S3Server}, {@link OtlpReceiver} or {@link LineageReceiver}
   */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return SERVER_TYPES.contains(parameter.getParameter().getType());
  }

  /**
   * Returns the test class's server of the parameter's type, starting it on first use.
   *
   * @param parameter a parameter {@link #supportsParameter} accepted
   * @param context the extension context
   * @return the running server
   */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return servers(context).server(parameter.getParameter().getType());
  }

  /**
   * Asks JUnit for the test method's context when creating test instances, so that constructor
   * parameters and fields are resolved like method parameters.
   *
   * @param context the class's extension context
   * @return {@link ExtensionContextScope#TEST_METHOD}
   */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext context) {
    return ExtensionContextScope.TEST_METHOD;
  }

  /**
   * Checks the class's {@link FloeServers} settings and fills its static {@link InjectServer}
   * fields before its {@code BeforeAll} methods run.
   *
   * @param context the class's extension context
   * @throws ExtensionConfigurationException if the settings contradict each other
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    servers(context);
    Class<?> testClass = context.getRequiredTestClass();
    inject(null, injectableFields(testClass, true), context);
  }

  /**
   * Fills the instance {@link InjectServer} fields of a new test instance.
   *
   * @param testInstance the instance JUnit created
   * @param context the extension context
   */
  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
    inject(testInstance, injectableFields(testInstance.getClass(), false), context);
  }

  /**
   * Closes the servers this class started.
   *
   * @param context the class's extension context
   */
  @Override
  public void afterAll(ExtensionContext context) {
    ServerSet servers = context.getStore(NAMESPACE).remove(SERVERS, ServerSet.class);
    if (servers != null) {
      servers.close();
    }
  }

  private static ServerSet servers(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    ExtensionContext.Store store = classContext.getStore(NAMESPACE);
    ServerSet existing = store.get(SERVERS, ServerSet.class);
    if (existing != null) {
      return existing;
    }
    return store.computeIfAbsent(
        SERVERS, key -> new ServerSet(settings(classContext)), ServerSet.class);
  }

  private static ServerSet.Settings settings(ExtensionContext classContext) {
    Class<?> testClass = classContext.getRequiredTestClass();
    try {
      return ServerSet.Settings.from(
          AnnotationSupport.findAnnotation(
              testClass, FloeServers.class, classContext.getEnclosingTestClasses()));
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(
          e.getMessage() + " (on " + testClass.getName() + ")", e);
    }
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  private static List<Field> injectableFields(Class<?> type, boolean statics) {
    List<Field> fields =
        AnnotationSupport.findAnnotatedFields(
            type,
            InjectServer.class,
            field -> Modifier.isStatic(field.getModifiers()) == statics,
            HierarchyTraversalMode.TOP_DOWN);
    for (Field field : fields) {
      if (!SERVER_TYPES.contains(field.getType())) {
        throw new ExtensionConfigurationException(
            "@InjectServer field "
                + field.getDeclaringClass().getName()
                + "."
                + field.getName()
                + " has type "
                + field.getType().getName()
                + "; it must be one of "
                + SERVER_TYPES.stream()
                    .map(Class::getSimpleName)
                    .sorted()
                    .collect(Collectors.joining(", ")));
      }
      if (Modifier.isFinal(field.getModifiers())) {
        throw new ExtensionConfigurationException(
            "@InjectServer field "
                + field.getDeclaringClass().getName()
                + "."
                + field.getName()
                + " must not be final");
      }
    }
    return fields;
  }

  private static void inject(Object target, List<Field> fields, ExtensionContext context) {
    for (Field field : fields) {
      Object server = servers(context).server(field.getType());
      try {
        if (!field.trySetAccessible()) {
          throw new ExtensionConfigurationException(
              "@InjectServer field " + field.getName() + " cannot be made accessible");
        }
        field.set(target, server);
      } catch (IllegalAccessException e) {
        throw new ExtensionConfigurationException(
            "@InjectServer field " + field.getName() + " cannot be set", e);
      }
    }
  }
}
