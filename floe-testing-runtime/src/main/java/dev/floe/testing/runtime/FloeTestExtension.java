package dev.floe.testing.runtime;

import dev.floe.core.api.Api;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.testing.TemporaryFolders;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link FloeTest}: resolves parameters of type {@link
 * FloeTestProject} in test methods, lifecycle methods and constructors.
 *
 * <p>The project is made before the class's {@code @BeforeAll} methods, one per test class ({@link
 * org.junit.jupiter.api.Nested} classes share the one of their enclosing {@code @FloeTest} class),
 * and its folder is deleted after the class's {@code @AfterAll} methods, whether the tests passed
 * or not. A project that cannot be made (a missing folder, a floe.yaml that does not compile) fails
 * the class with an {@link ExtensionConfigurationException} saying what to fix. Without the
 * annotation, {@code @ExtendWith(FloeTestExtension.class)} uses the defaults. Safe for tests that
 * run in parallel.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class FloeTestExtension
    implements ParameterResolver, BeforeAllCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FloeTestExtension.class);
  private static final String PROJECT = "project";

  /** Creates the extension; JUnit does this for {@code @FloeTest} classes. */
  public FloeTestExtension() {}

  /**
   * Tells JUnit that this extension resolves parameters of type {@link FloeTestProject}.
   *
   * @param parameter the parameter JUnit asks about
   * @param context the extension context
   * @return whether the parameter's type is {@link FloeTestProject}
   */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FloeTestProject.class;
  }

  /**
   * Returns the test class's project, making it on first use.
   *
   * @param parameter a parameter {@link #supportsParameter} accepted
   * @param context the extension context
   * @return the project
   * @throws ExtensionConfigurationException when the project cannot be made
   */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return project(context);
  }

  /**
   * Asks JUnit for the test method's context when creating test instances, so that constructor
   * parameters resolve like method parameters.
   *
   * @param context the class's extension context
   * @return {@link ExtensionContextScope#TEST_METHOD}
   */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext context) {
    return ExtensionContextScope.TEST_METHOD;
  }

  /**
   * Makes the class's project before its {@code @BeforeAll} methods, so that a project that cannot
   * be made fails the class with its reason rather than each test with a parameter error.
   *
   * @param context the class's extension context
   * @throws ExtensionConfigurationException when the project cannot be made
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    project(context);
  }

  /**
   * Deletes the project of this class, if this class made one.
   *
   * @param context the class's extension context
   */
  @Override
  public void afterAll(ExtensionContext context) {
    // remove() only looks at this context's own store: a nested class leaves its enclosing
    // class's project alone.
    ProjectHandle handle = context.getStore(NAMESPACE).remove(PROJECT, ProjectHandle.class);
    if (handle != null) {
      handle.close();
    }
  }

  private static FloeTestProject project(ExtensionContext context) {
    ExtensionContext owner = owner(context);
    return owner
        .getStore(NAMESPACE)
        .computeIfAbsent(PROJECT, key -> create(owner), ProjectHandle.class)
        .project();
  }

  /** The outermost class context of a chain of {@code @FloeTest} classes. */
  private static ExtensionContext owner(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    while (current.getParent().isPresent()) {
      ExtensionContext parent = current.getParent().get();
      Optional<Class<?>> parentClass = parent.getTestClass();
      if (parentClass.isEmpty()
          || !AnnotationSupport.isAnnotated(parentClass.get(), FloeTest.class)) {
        break;
      }
      current = parent;
    }
    return current;
  }

  private static ProjectHandle create(ExtensionContext owner) {
    Class<?> testClass = owner.getRequiredTestClass();
    Optional<FloeTest> settings = AnnotationSupport.findAnnotation(testClass, FloeTest.class);
    String project = settings.map(FloeTest::project).orElse("");
    String environment = settings.map(FloeTest::environment).orElse("local");
    Path folder = TemporaryFolders.create("floe-test-");
    try {
      Path root = folder.resolve("project");
      CompiledArtifacts artifacts =
          project.isEmpty()
              ? TestProjects.writeDefault(root, testClass, environment)
              : TestProjects.copy(Path.of(project), root, environment);
      return new ProjectHandle(new FloeTestProject(folder, root, artifacts));
    } catch (RuntimeException e) {
      TemporaryFolders.delete(folder);
      throw new ExtensionConfigurationException(
          "@FloeTest on " + testClass.getName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The store's value: JUnit closes {@link AutoCloseable} values of a context it discards, so a
   * project whose class never reached {@code afterAll} is still deleted. The project itself is not
   * {@code AutoCloseable}, so that tests cannot close it under their neighbours.
   */
  private record ProjectHandle(FloeTestProject project) implements AutoCloseable {
    @Override
    public void close() {
      project.close();
    }
  }
}
