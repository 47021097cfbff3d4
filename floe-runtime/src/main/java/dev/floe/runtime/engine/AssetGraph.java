package dev.floe.runtime.engine;

import dev.floe.core.api.Api;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.internal.spelling.Suggestions;
import dev.floe.runtime.RuntimeCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The checked asset graph: unique names, one writer per table, known dependencies, no cycle, and
 * every parameter injectable. Assets are kept in a deterministic topological order (among assets
 * ready at the same time, by name).
 */
@Api(status = Api.Status.INTERNAL)
public final class AssetGraph {
  private final Map<String, AssetSpec> assets;
  private final Map<String, Set<String>> upstream;
  private final Map<String, Set<String>> downstream;
  private final List<String> order;

  private AssetGraph(
      Map<String, AssetSpec> assets,
      Map<String, Set<String>> upstream,
      Map<String, Set<String>> downstream,
      List<String> order) {
    this.assets = assets;
    this.upstream = upstream;
    this.downstream = downstream;
    this.order = order;
  }

  /**
   * Checks {@code specs} and builds the graph.
   *
   * @param specs the assets
   * @param injectable the parameter types that can be injected, with a display name each
   * @param problems problems found while reading the assets, reported together with the graph's
   * @throws ProblemException with every problem found, in a stable order
   */
  public static AssetGraph build(
      List<AssetSpec> specs, Injectable injectable, List<Problem> problems) {
    List<Problem> all = new ArrayList<>(problems);
    Map<String, AssetSpec> byName = new TreeMap<>();
    Map<String, List<AssetSpec>> named = new TreeMap<>();
    for (AssetSpec spec : specs) {
      named.computeIfAbsent(spec.name(), k -> new ArrayList<>()).add(spec);
    }
    named.forEach(
        (name, list) -> {
          if (list.size() > 1) {
            all.add(
                Problem.error(
                        RuntimeCode.U003,
                        "asset name '"
                            + name
                            + "' is used by "
                            + list.size()
                            + " assets: "
                            + list.stream()
                                .map(AssetSpec::origin)
                                .collect(Collectors.joining(", ")))
                    .hint("give each a unique name with @FloeAsset(name = \"...\")")
                    .build());
          }
          byName.put(name, list.get(0));
        });
    Map<String, String> writers = new HashMap<>();
    Map<String, Set<String>> tableWriters = new TreeMap<>();
    for (AssetSpec spec : byName.values()) {
      for (String output : spec.outputs()) {
        tableWriters.computeIfAbsent(output, k -> new TreeSet<>()).add(spec.name());
        writers.putIfAbsent(output, spec.name());
      }
    }
    tableWriters.forEach(
        (table, names) -> {
          if (names.size() > 1) {
            all.add(
                Problem.error(
                        RuntimeCode.U004,
                        "table " + table + " is written by " + String.join(" and ", names))
                    .hint("let one asset write " + table + " and the others read it as an input")
                    .build());
          }
        });
    Map<String, Set<String>> upstream = new TreeMap<>();
    Map<String, Set<String>> downstream = new TreeMap<>();
    for (AssetSpec spec : byName.values()) {
      upstream.put(spec.name(), new TreeSet<>());
      downstream.put(spec.name(), new TreeSet<>());
    }
    for (AssetSpec spec : byName.values()) {
      for (String input : spec.inputs()) {
        String writer = writers.get(input);
        if (writer != null && !writer.equals(spec.name())) {
          link(upstream, downstream, writer, spec.name());
        }
      }
      for (String dep : spec.deps()) {
        if (!byName.containsKey(dep)) {
          Optional<String> closest = Suggestions.closest(dep, byName.keySet());
          all.add(
              Problem.error(
                      RuntimeCode.U005,
                      "asset " + spec.name() + " depends on '" + dep + "', which is no asset")
                  .hint(
                      closest
                          .map(c -> "did you mean '" + c + "'?")
                          .orElse(
                              "deps name other assets; known: "
                                  + String.join(", ", byName.keySet())))
                  .suggestion(closest.orElse(null))
                  .build());
        } else if (!dep.equals(spec.name())) {
          link(upstream, downstream, dep, spec.name());
        }
      }
      checkParameters(spec, injectable, all);
    }
    List<String> cycle = cycle(upstream);
    if (!cycle.isEmpty()) {
      all.add(
          Problem.error(
                  RuntimeCode.U006,
                  "assets depend on each other in a cycle: " + String.join(" → ", cycle))
              .hint("break the cycle: one of these assets must not read what a later one writes")
              .build());
    }
    if (!all.isEmpty()) {
      throw new ProblemException(all);
    }
    return new AssetGraph(
        Map.copyOf(byName), freeze(upstream), freeze(downstream), topological(upstream));
  }

  /** Every asset, in topological order. */
  public List<AssetSpec> assets() {
    return order.stream().map(assets::get).toList();
  }

  /** The asset {@code name}, if there is one. */
  public Optional<AssetSpec> asset(String name) {
    return Optional.ofNullable(assets.get(name));
  }

  /** The assets {@code name} depends on directly. */
  public Set<String> upstream(String name) {
    return upstream.getOrDefault(name, Set.of());
  }

  /** The assets that depend on {@code name} directly. */
  public Set<String> downstream(String name) {
    return downstream.getOrDefault(name, Set.of());
  }

  /** {@code name} and everything that depends on it, transitively, without {@code name}. */
  public Set<String> allDownstream(String name) {
    return closure(name, downstream);
  }

  /** Everything {@code name} depends on, transitively, without {@code name}. */
  public Set<String> allUpstream(String name) {
    return closure(name, upstream);
  }

  /**
   * The assets a selection names, in topological order. Each selector is {@code name}, {@code
   * +name} (with everything upstream), {@code name+} (with everything downstream), {@code +name+},
   * or {@code group:NAME} (every asset of a group). An empty selection is every asset.
   *
   * @throws ProblemException {@code FLOE-U012} naming every selector that matches nothing
   */
  public List<AssetSpec> select(Collection<String> selectors) {
    if (selectors.isEmpty()) {
      return assets();
    }
    Set<String> chosen = new LinkedHashSet<>();
    List<Problem> problems = new ArrayList<>();
    for (String raw : selectors) {
      String selector = raw.strip();
      if (selector.startsWith("group:")) {
        String group = selector.substring("group:".length());
        List<String> members =
            assets.values().stream()
                .filter(a -> a.group().filter(group::equals).isPresent())
                .map(AssetSpec::name)
                .toList();
        if (members.isEmpty()) {
          Set<String> groups =
              assets.values().stream()
                  .flatMap(a -> a.group().stream())
                  .collect(Collectors.toCollection(TreeSet::new));
          problems.add(
              Problem.error(RuntimeCode.U012, "no asset is in group '" + group + "'")
                  .hint(
                      groups.isEmpty()
                          ? "no asset has a group"
                          : "groups: " + String.join(", ", groups))
                  .build());
        }
        chosen.addAll(members);
        continue;
      }
      boolean up = selector.startsWith("+");
      boolean down = selector.endsWith("+") && selector.length() > 1;
      String name = selector.substring(up ? 1 : 0, selector.length() - (down ? 1 : 0));
      if (!assets.containsKey(name)) {
        Optional<String> closest = Suggestions.closest(name, assets.keySet());
        problems.add(
            Problem.error(RuntimeCode.U012, "--select '" + raw + "' names no asset")
                .hint(
                    closest
                        .map(c -> "did you mean '" + c + "'?")
                        .orElse("assets: " + String.join(", ", new TreeSet<>(assets.keySet()))))
                .suggestion(closest.orElse(null))
                .build());
        continue;
      }
      chosen.add(name);
      if (up) {
        chosen.addAll(allUpstream(name));
      }
      if (down) {
        chosen.addAll(allDownstream(name));
      }
    }
    if (!problems.isEmpty()) {
      throw new ProblemException(problems);
    }
    return order.stream().filter(chosen::contains).map(assets::get).toList();
  }

  private static void checkParameters(AssetSpec spec, Injectable injectable, List<Problem> out) {
    for (AssetBody.Parameter parameter : spec.body().parameters()) {
      if (!injectable.canInject(parameter.type())) {
        out.add(
            Problem.error(
                    RuntimeCode.U007,
                    "parameter '"
                        + parameter.name()
                        + "' of type "
                        + parameter.type().getName()
                        + " of asset method "
                        + spec.origin()
                        + " cannot be injected")
                .hint(
                    "floe injects "
                        + String.join(", ", injectable.names())
                        + "; register anything else with FloeDefinitions.builder().resource("
                        + parameter.type().getSimpleName()
                        + ".class, ...)")
                .build());
      }
    }
  }

  private static void link(
      Map<String, Set<String>> upstream,
      Map<String, Set<String>> downstream,
      String from,
      String to) {
    upstream.computeIfAbsent(to, k -> new TreeSet<>()).add(from);
    downstream.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
  }

  private static Map<String, Set<String>> freeze(Map<String, Set<String>> map) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, Set.copyOf(new TreeSet<>(v))));
    return Map.copyOf(out);
  }

  private static Set<String> closure(String start, Map<String, Set<String>> edges) {
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(edges.getOrDefault(start, Set.of()));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (seen.add(next)) {
        todo.addAll(edges.getOrDefault(next, Set.of()));
      }
    }
    seen.remove(start);
    return seen;
  }

  /** A cycle as {@code a → b → a}, or empty. Deterministic: the first in name order. */
  private static List<String> cycle(Map<String, Set<String>> upstream) {
    Map<String, Integer> state = new HashMap<>();
    for (String start : upstream.keySet()) {
      Deque<String> path = new ArrayDeque<>();
      List<String> found = visit(start, upstream, state, path);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private static List<String> visit(
      String node, Map<String, Set<String>> edges, Map<String, Integer> state, Deque<String> path) {
    Integer s = state.get(node);
    if (s != null && s == 2) {
      return List.of();
    }
    if (s != null && s == 1) {
      List<String> cycle = new ArrayList<>();
      boolean in = false;
      for (String p : (Iterable<String>) path::descendingIterator) {
        if (p.equals(node)) {
          in = true;
        }
        if (in) {
          cycle.add(p);
        }
      }
      cycle.add(node);
      // path follows upstream edges; print in the direction data flows.
      java.util.Collections.reverse(cycle);
      return cycle;
    }
    state.put(node, 1);
    path.push(node);
    for (String next : edges.getOrDefault(node, Set.of())) {
      List<String> found = visit(next, edges, state, path);
      if (!found.isEmpty()) {
        return found;
      }
    }
    path.pop();
    state.put(node, 2);
    return List.of();
  }

  private static List<String> topological(Map<String, Set<String>> upstream) {
    Map<String, Integer> remaining = new HashMap<>();
    Map<String, List<String>> down = new HashMap<>();
    upstream.forEach(
        (node, ups) -> {
          remaining.put(node, ups.size());
          for (String u : ups) {
            down.computeIfAbsent(u, k -> new ArrayList<>()).add(node);
          }
        });
    PriorityQueue<String> ready = new PriorityQueue<>();
    remaining.forEach(
        (node, n) -> {
          if (n == 0) {
            ready.add(node);
          }
        });
    List<String> out = new ArrayList<>();
    while (!ready.isEmpty()) {
      String node = ready.poll();
      out.add(node);
      for (String d : down.getOrDefault(node, List.of())) {
        if (remaining.merge(d, -1, Integer::sum) == 0) {
          ready.add(d);
        }
      }
    }
    return List.copyOf(out);
  }

  /** What can be injected into an asset parameter. */
  public interface Injectable {
    /** Whether a parameter of {@code type} can be given a value. */
    boolean canInject(Class<?> type);

    /** The injectable types as shown in a message, simple names. */
    List<String> names();
  }
}
