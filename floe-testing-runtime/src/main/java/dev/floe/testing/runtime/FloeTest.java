package dev.floe.testing.runtime;

import dev.floe.core.api.Api;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a {@link FloeTestProject}: declare a parameter of that type in a test method,
 * a {@code @BeforeEach}/{@code @BeforeAll} method or the constructor.
 *
 * <pre>{@code
 * @FloeTest
 * class OrdersTest {
 *   @Test
 *   void cleansOrders(FloeTestProject project) {
 *     RunResult run = project.materialize(Bronze.class, Silver.class);
 *     project.assertThatRun(run).succeeded();
 *     project.assertThatTable("silver.orders").hasRowCount(90).hasNoDuplicates("order_id");
 *   }
 * }
 * }</pre>
 *
 * <p>One project per test class, made on first use in a temporary folder and deleted after the
 * class's {@code @AfterAll} methods; {@link org.junit.jupiter.api.Nested} classes share the project
 * of their enclosing {@code @FloeTest} class. By default it is a minimal floe.yaml (named after the
 * test class, profiles {@code default}, asset package the test class's package) on a local
 * platform: a JDBC catalog on SQLite, a local folder for data, DuckDB in process; no network, no
 * secret. With {@link #project()} it is a copy of a project of your own.
 */
@Api(status = Api.Status.EXPERIMENTAL)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FloeTestExtension.class)
public @interface FloeTest {

  /**
   * A project folder of your own (holding floe.yaml and {@code
   * platform/<environment>/platform.yaml}), relative to the working folder of the test JVM (the
   * module's folder under Maven), for example {@code src/test/resources/my-pipeline}. Its floe.yaml
   * and that one platform.yaml are copied into the temporary folder, so that the catalog, warehouse
   * and run documents of the tests never land in your source tree. Empty (the default) for the
   * minimal project.
   *
   * @return a folder path, or empty text
   */
  String project() default "";

  /**
   * The environment the project is compiled against: the platform is {@code
   * platform/<environment>/platform.yaml}.
   *
   * @return an environment name; {@code local} by default
   */
  String environment() default "local";
}
