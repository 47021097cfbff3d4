package dev.floe.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments a command declares ({@link Arg}), in declaration order, which is also the order of
 * its help: options, positional parameters, and groups of options that exclude each other ({@code
 * --env NAME | --platform PATH}).
 */
final class Args {
  /**
   * One entry: a single argument ({@code exclusive} false, one element), or options of which at
   * most one may be given.
   */
  record Entry(List<Arg<?>> args, boolean exclusive) {}

  private final List<Entry> entries = new ArrayList<>();

  /** Adds one option or positional parameter. */
  void add(Arg<?> arg) {
    entries.add(new Entry(List.of(arg), false));
  }

  /** Adds options of which a command line may give at most one. */
  void exclusive(Arg<?>... group) {
    entries.add(new Entry(List.of(group), true));
  }

  /** Adds every entry of {@code other}, after these. */
  void addAll(Args other) {
    entries.addAll(other.entries);
  }

  List<Entry> entries() {
    return entries;
  }
}
