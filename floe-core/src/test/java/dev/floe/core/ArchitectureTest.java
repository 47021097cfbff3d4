package dev.floe.core;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.floe.core.api.Api;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture of floe-core, as {@code docs/architecture.md} draws it: packages form layers
 * that depend one way, the public API is marked, and internal packages promise nothing. Checked on
 * the compiled classes, so that a fully-qualified name in code counts like an import.
 */
class ArchitectureTest {
  private static final String CORE = "dev.floe.core";

  /**
   * The layers of floe-core, bottom first: a package may use the packages of lower layers (and
   * {@code api}, which every package may use), never one of its own layer or above. A new package
   * joins this table, {@code docs/architecture.md} and gets a {@code package-info.java}.
   */
  private static final List<List<String>> LAYERS =
      List.of(
          List.of("", "api", "json", "model", "internal", "internal.spelling", "internal.digest"),
          List.of("internal.credential"),
          List.of("diag"),
          List.of("load", "internal.yaml"),
          List.of("platform", "internal.schema", "scan"),
          List.of("internal.platform", "internal.pipeline"),
          List.of("internal.artifact", "internal.load"),
          List.of("compile"),
          List.of("project", "secret", "schema"));

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(CORE);

  /** Every class in its own slice: its package, relative to {@code dev.floe.core}. */
  private static final SliceAssignment BY_PACKAGE =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
          return isCore(javaClass)
              ? SliceIdentifier.of(relative(javaClass.getPackageName()))
              : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
          return "the packages of floe-core";
        }
      };

  @Test
  void packagesAreFreeOfCycles() {
    slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void everyPackageHasItsPlaceInTheLayers() {
    Set<String> packages = new TreeSet<>();
    CLASSES.stream().filter(ArchitectureTest::isCore).forEach(c -> packages.add(relative(c)));
    assertThat(layerOf().keySet())
        .as("packages of the layer table (add a new package to LAYERS and docs/architecture.md)")
        .containsAll(packages);
  }

  @Test
  void packagesUseOnlyTheLayersBelowThem() {
    Map<String, Integer> layer = layerOf();
    List<String> violations = new ArrayList<>();
    for (JavaClass c : CLASSES) {
      if (!isCore(c)) {
        continue;
      }
      String from = relative(c);
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        JavaClass target = d.getTargetClass();
        String to = isCore(target) ? relative(target) : null;
        if (to == null || to.equals(from) || to.equals("api")) {
          continue;
        }
        if (!layer.containsKey(from)
            || !layer.containsKey(to)
            || layer.get(to) >= layer.get(from)) {
          violations.add(shown(from) + " -> " + shown(to) + ": " + d.getDescription());
        }
      }
    }
    assertThat(violations)
        .as("dependencies against the layer order of LAYERS (docs/architecture.md)")
        .isEmpty();
  }

  @Test
  void everyPackageSaysWhetherItIsApi() {
    List<String> wrong = new ArrayList<>();
    for (String name : layerOf().keySet()) {
      String pkg = name.isEmpty() ? CORE : CORE + "." + name;
      Optional<Api> mark =
          CLASSES.containPackage(pkg)
              ? CLASSES.getPackage(pkg).tryGetAnnotationOfType(Api.class)
              : Optional.empty();
      Api.Status expected = internal(name) ? Api.Status.INTERNAL : null;
      if (mark.isEmpty()) {
        wrong.add(shown(name) + ": no package-info.java with @Api");
      } else if (expected != null && mark.get().status() != expected) {
        wrong.add(shown(name) + ": an internal package marked " + mark.get().status());
      } else if (expected == null && mark.get().status() == Api.Status.INTERNAL) {
        wrong.add(shown(name) + ": an API package marked INTERNAL (move it below internal)");
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyPublicTypeOfAnApiPackageIsMarked() {
    List<String> unmarked =
        CLASSES.stream()
            .filter(c -> isCore(c) && !internal(relative(c)))
            .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
            .filter(c -> c.isTopLevelClass())
            .filter(c -> !c.isAnnotatedWith(Api.class))
            .map(JavaClass::getName)
            .sorted()
            .toList();
    assertThat(unmarked).as("public API types without @Api").isEmpty();
  }

  @Test
  void internalTypesPromiseNothing() {
    List<String> promised =
        CLASSES.stream()
            .filter(c -> isCore(c) && internal(relative(c)))
            .filter(c -> status(c).filter(s -> s != Api.Status.INTERNAL).isPresent())
            .map(JavaClass::getName)
            .sorted()
            .toList();
    assertThat(promised).as("internal types marked STABLE or EXPERIMENTAL").isEmpty();
  }

  @Test
  void theApiDoesNotExposeInternalTypes() {
    List<String> leaks = new ArrayList<>();
    for (JavaClass c : CLASSES) {
      if (!isCore(c) || internal(relative(c)) || !visible(c) || marked(c, Api.Status.INTERNAL)) {
        continue;
      }
      Stream<JavaMember> members =
          Stream.concat(
              c.getFields().stream().map(JavaMember.class::cast),
              c.getCodeUnits().stream().map(JavaMember.class::cast));
      members
          .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
          .filter(m -> !marked(m, Api.Status.INTERNAL))
          .forEach(
              m -> {
                for (JavaClass type : signature(m)) {
                  if (isCore(type) && internal(relative(type))) {
                    leaks.add(m.getFullName() + " uses " + type.getName());
                  }
                }
              });
    }
    assertThat(leaks).as("public API members whose signature names an internal type").isEmpty();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static Map<String, Integer> layerOf() {
    Map<String, Integer> layer = new LinkedHashMap<>();
    for (int i = 0; i < LAYERS.size(); i++) {
      for (String name : LAYERS.get(i)) {
        layer.put(name, i);
      }
    }
    return layer;
  }

  private static boolean isCore(JavaClass c) {
    String pkg = c.getPackageName();
    return pkg.equals(CORE) || pkg.startsWith(CORE + ".");
  }

  private static String relative(JavaClass c) {
    return relative(c.getPackageName());
  }

  private static String relative(String pkg) {
    return pkg.equals(CORE) ? "" : pkg.substring(CORE.length() + 1);
  }

  private static String shown(String name) {
    return name.isEmpty() ? CORE : name;
  }

  private static boolean internal(String name) {
    return name.equals("internal") || name.startsWith("internal.");
  }

  /** Public, and every enclosing class public too. */
  private static boolean visible(JavaClass c) {
    for (Optional<JavaClass> at = Optional.of(c);
        at.isPresent();
        at = at.get().getEnclosingClass()) {
      if (!at.get().getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  private static Optional<Api.Status> status(HasAnnotations<?> element) {
    return element.tryGetAnnotationOfType(Api.class).map(Api::status);
  }

  private static boolean marked(HasAnnotations<?> element, Api.Status wanted) {
    return status(element).filter(s -> s == wanted).isPresent();
  }

  private static List<JavaClass> signature(JavaMember member) {
    List<JavaClass> types = new ArrayList<>();
    if (member instanceof JavaField field) {
      types.addAll(field.getType().getAllInvolvedRawTypes());
    } else if (member instanceof JavaCodeUnit code) {
      types.addAll(code.getReturnType().getAllInvolvedRawTypes());
      code.getParameterTypes().forEach(t -> types.addAll(t.getAllInvolvedRawTypes()));
    }
    return types;
  }
}
