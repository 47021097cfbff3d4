package dev.floe.core.internal.yaml;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.IoProblems;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemList;
import dev.floe.core.diag.SourcePosition;
import dev.floe.core.diag.SourceTexts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Loads one YAML 1.2 document safely into {@link YamlNode}s with positions. Only the core schema's
 * tags are accepted, aliases are expanded within {@link YamlLimits}, and duplicate keys are
 * reported with both locations. Every failure becomes a {@link Problem}; nothing else is thrown.
 * Thread-safe.
 */
public final class YamlLoader {
  private static final Map<Tag, YamlScalar.Kind> SCALAR_TAGS =
      Map.of(
          Tag.STR, YamlScalar.Kind.STRING,
          Tag.INT, YamlScalar.Kind.INT,
          Tag.FLOAT, YamlScalar.Kind.FLOAT,
          Tag.BOOL, YamlScalar.Kind.BOOL,
          Tag.NULL, YamlScalar.Kind.NULL,
          // An unquoted ${VAR} resolves to this tag; to floe it is text (interpolated later).
          Tag.ENV_TAG, YamlScalar.Kind.STRING);

  private final YamlLimits limits;
  private final SourceTexts sources;

  /** A loader that records every text it loads in {@code sources} for later rendering. */
  public YamlLoader(YamlLimits limits, SourceTexts sources) {
    this.limits = limits;
    this.sources = sources;
  }

  /** A loader with the default limits. */
  public YamlLoader(SourceTexts sources) {
    this(YamlLimits.DEFAULT, sources);
  }

  /**
   * Reads and loads a file. A missing, unreadable or non-UTF-8 file is a {@code FLOE-Y006} problem.
   * An empty document loads as an empty mapping.
   *
   * @param file the file to read
   * @param displayName how the file is named in diagnostics
   */
  public Optional<YamlNode> loadFile(Path file, String displayName, ProblemList problems) {
    return readText(file, displayName, problems).flatMap(text -> load(displayName, text, problems));
  }

  /**
   * Reads a file as strict UTF-8, at most {@link YamlLimits#DEFAULT}'s {@code maxBytes}; problems
   * are reported against {@code displayName}.
   */
  public static Optional<String> readText(Path file, String displayName, ProblemList problems) {
    return readText(file, displayName, YamlLimits.DEFAULT.maxBytes(), problems);
  }

  /**
   * Reads a file as strict UTF-8, refusing it with {@code FLOE-Y004} as soon as it holds more than
   * {@code maxBytes}: nothing larger is ever allocated, so {@code /dev/zero} or a 3 GB file cost
   * only the bound. Problems are reported against {@code displayName}.
   */
  public static Optional<String> readText(
      Path file, String displayName, long maxBytes, ProblemList problems) {
    if (Files.isDirectory(file)) {
      problems.add(
          Problem.error(Code.Y006, "Cannot read " + displayName + ": it is a folder, not a file")
              .file(displayName)
              .hint("give the path of the file itself")
              .build());
      return Optional.empty();
    }
    try {
      Optional<byte[]> bytes = readBounded(file, displayName, maxBytes, problems);
      if (bytes.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(strictUtf8(bytes.get()));
    } catch (NoSuchFileException e) {
      problems.add(
          Problem.error(Code.Y006, "Cannot read " + displayName + ": the file does not exist")
              .file(displayName)
              .hint("check the path, or create the file")
              .build());
    } catch (CharacterCodingException e) {
      problems.add(
          Problem.error(Code.Y006, "Cannot read " + displayName + ": it is not valid UTF-8")
              .file(displayName)
              .hint("save the file as UTF-8")
              .cause(e)
              .build());
    } catch (IOException e) {
      problems.add(
          Problem.error(Code.Y006, "Cannot read " + displayName + ": " + IoProblems.describe(e))
              .file(displayName)
              .hint("check that the path is a readable file")
              .cause(e)
              .build());
    }
    return Optional.empty();
  }

  private static Optional<byte[]> readBounded(
      Path file, String displayName, long maxBytes, ProblemList problems) throws IOException {
    if (Files.isRegularFile(file)) {
      long size = Files.size(file);
      if (size > maxBytes) {
        problems.add(tooLarge(displayName, maxBytes, " (it has " + size + " bytes)"));
        return Optional.empty();
      }
    }
    try (InputStream in = Files.newInputStream(file)) {
      // One byte more than the limit tells "at the limit" from "beyond it", without reading on.
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        problems.add(tooLarge(displayName, maxBytes, "; reading stopped at the limit"));
        return Optional.empty();
      }
      return Optional.of(bytes);
    }
  }

  private static Problem tooLarge(String displayName, long maxBytes, String measured) {
    return Problem.error(
            Code.Y004,
            "Cannot load "
                + displayName
                + ": the file is larger than the size limit of "
                + maxBytes
                + " bytes"
                + measured)
        .file(displayName)
        .hint("a configuration file is small: check that this is the file you meant")
        .build();
  }

  /**
   * Decodes UTF-8 strictly (malformed input is an error, not a replacement character) and drops a
   * leading byte-order mark.
   */
  public static String strictUtf8(byte[] bytes) throws CharacterCodingException {
    String text =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Loads YAML text. Returns the root node, or empty when a problem was added to {@code problems}.
   * An empty document is an empty mapping.
   */
  public Optional<YamlNode> load(String displayName, String text, ProblemList problems) {
    sources.put(displayName, text);
    int before = problems.size();
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(displayName)
            .setSchema(new CoreSchema())
            .setAllowDuplicateKeys(true)
            .setAllowRecursiveKeys(false)
            .setAllowNonScalarKeys(true)
            .setMaxAliasesForCollections(limits.maxAliasesForCollections())
            .setCodePointLimit(limits.maxCodePoints())
            .setUseMarks(true)
            .build();
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints > limits.maxCodePoints()) {
      problems.add(
          Problem.error(
                  Code.Y004,
                  "Cannot load "
                      + displayName
                      + ": the document has "
                      + codePoints
                      + " characters, more than the size limit of "
                      + limits.maxCodePoints()
                      + " characters")
              .file(displayName)
              .hint("split the configuration or remove generated content")
              .build());
      return Optional.empty();
    }
    Problem control = controlCharacter(displayName, text);
    if (control != null) {
      problems.add(control);
      return Optional.empty();
    }
    SourcePosition tooDeep = flowNestingBeyondLimit(displayName, text);
    if (tooDeep != null) {
      problems.add(tooDeep(displayName, tooDeep));
      return Optional.empty();
    }
    if (!withinNodeLimit(displayName, text, settings, problems)) {
      return Optional.empty();
    }
    try {
      Iterator<Node> documents = new Compose(settings).composeAllFromString(text).iterator();
      if (!documents.hasNext()) {
        return Optional.of(new YamlMapping(List.of(), SourcePosition.of(displayName, 1, 1)));
      }
      Node root = documents.next();
      if (documents.hasNext()) {
        Node second = documents.next();
        problems.add(
            Problem.error(
                    Code.Y005,
                    "Cannot load " + displayName + ": it holds more than one YAML document")
                .at(position(displayName, second.getStartMark(), second.getEndMark()))
                .hint("keep one document per file; remove the '---' separator")
                .build());
        return Optional.empty();
      }
      Converter converter = new Converter(displayName, problems);
      if (!converter.withinLimits(root)) {
        return Optional.empty();
      }
      YamlNode node = converter.convert(root, 0);
      if (problems.size() > before || node == null) {
        return Optional.empty();
      }
      return Optional.of(node);
    } catch (MarkedYamlEngineException e) {
      Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
      if (e.getContextMark().isPresent()
          && (mark == null || mark.getIndex() >= text.length() - 1)) {
        // "found unexpected end of stream": the opening quote or bracket is the useful place.
        mark = e.getContextMark().get();
      }
      String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
      problems.add(
          Problem.error(
                  Code.Y001, "Cannot parse " + displayName + ": " + plain(e.getProblem()) + context)
              .at(mark == null ? null : position(displayName, Optional.of(mark), Optional.empty()))
              .file(displayName)
              .hint(syntaxHint(e.getProblem()))
              .cause(e)
              .build());
    } catch (YamlEngineException e) {
      String message = String.valueOf(e.getMessage());
      boolean limit = message.contains("aliases") || message.contains("exceeds the limit");
      problems.add(
          Problem.error(
                  limit ? Code.Y004 : Code.Y001,
                  "Cannot load " + displayName + ": " + plain(message))
              .file(displayName)
              .hint(
                  limit
                      ? "reduce the number of aliases (*name) to mappings and lists"
                      : "check the YAML syntax")
              .cause(e)
              .build());
    } catch (StackOverflowError e) {
      problems.add(tooDeep(displayName, null));
    }
    return Optional.empty();
  }

  /**
   * Counts the nodes as the parser streams them, before any graph is built, and stops at the limit:
   * a huge list without a single alias is a node-count problem, refused at the first node past the
   * limit, not an alias bomb. Syntax errors are left to the composer, which reports them with
   * positions.
   */
  private boolean withinNodeLimit(
      String displayName, String text, LoadSettings settings, ProblemList problems) {
    // A character makes at most three nodes ('?' alone is a mapping, its empty key and its empty
    // value), so a short document is within the limit without being parsed twice: the extra
    // parse was a tenth of every command's start-up.
    if (3L * text.length() + 3 < limits.maxNodes()) {
      return true;
    }
    long nodes = 0;
    try {
      for (Event event : new Parse(settings).parseString(text)) {
        if (event instanceof ScalarEvent
            || event instanceof CollectionStartEvent
            || event instanceof AliasEvent) {
          if (++nodes > limits.maxNodes()) {
            problems.add(
                Problem.error(
                        Code.Y004,
                        "Cannot load "
                            + displayName
                            + ": the document has more than "
                            + limits.maxNodes()
                            + " nodes (values, keys, mappings and lists), the node limit")
                    .at(position(displayName, event.getStartMark(), event.getEndMark()))
                    .hint("split the configuration or remove generated content")
                    .build());
            return false;
          }
        }
      }
    } catch (YamlEngineException | StackOverflowError e) {
      return true; // reported by the composer below
    }
    return true;
  }

  /**
   * The first character the YAML parser refuses (NUL and the other C0 controls but tab, line feed
   * and carriage return; C1 controls but next line; U+FFFE/U+FFFF), with its position: the parser
   * itself reports these without one.
   */
  private static Problem controlCharacter(String displayName, String text) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        if (!printable(c)) {
          return Problem.error(
                  Code.Y001,
                  "Cannot parse "
                      + displayName
                      + ": "
                      + String.format("U+%04X", c)
                      + (c == 0 ? " (NUL)" : "")
                      + " is a control character, which YAML does not allow")
              .at(SourcePosition.of(displayName, line, column))
              .hint("remove the character; is this a text file?")
              .build();
        }
        column++;
      }
      i += Character.charCount(c);
    }
    return null;
  }

  /** What the parser accepts, so that a refused character is reported with its position here. */
  private static boolean printable(int c) {
    return StreamReader.isPrintable(c);
  }

  /**
   * Finds flow collections ({@code [[[[…}) nested deeper than the limit before the parser recurses
   * into them. Quoted text and comments are skipped; block nesting is bounded by the converter.
   */
  private SourcePosition flowNestingBeyondLimit(String displayName, String text) {
    int depth = 0;
    int line = 1;
    int column = 0;
    int indent = 0;
    int blockScalarIndent = -1;
    boolean lineStart = true;
    boolean comment = false;
    boolean escaped = false;
    char quote = 0;
    char last = '\n';
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        column = 0;
        indent = 0;
        lineStart = true;
        comment = false;
        last = '\n';
        continue;
      }
      column++;
      if (lineStart) {
        if (c == ' ') {
          indent++;
          continue;
        }
        lineStart = false;
        if (blockScalarIndent >= 0 && quote == 0) {
          if (indent > blockScalarIndent) {
            comment = true; // the body of a | or > block scalar is text
          } else {
            blockScalarIndent = -1;
          }
        }
      }
      if (comment) {
        continue;
      }
      if (quote != 0) {
        if (quote == '"' && c == '\\' && !escaped) {
          escaped = true;
          continue;
        }
        if (c == quote && !escaped) {
          if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
            i++; // '' is an escaped quote inside single quotes
            column++;
          } else {
            quote = 0;
            last = c;
          }
        }
        escaped = false;
        continue;
      }
      boolean valueStart = depth > 0 || last == ':' || last == '-' || last == '?' || last == '\n';
      if (c == '#' && (column == 1 || Character.isWhitespace(text.charAt(i - 1)))) {
        comment = true;
        continue;
      } else if ((c == '"' || c == '\'')
          && (valueStart || last == ',' || last == '[' || last == '{')) {
        quote = c;
      } else if ((c == '[' || c == '{') && valueStart) {
        if (++depth > limits.maxDepth()) {
          return SourcePosition.of(displayName, line, column);
        }
      } else if ((c == ']' || c == '}') && depth > 0) {
        depth--;
      } else if ((c == '|' || c == '>') && depth == 0 && (last == ':' || last == '-')) {
        blockScalarIndent = indent;
      }
      if (!Character.isWhitespace(c)) {
        last = c;
      }
    }
    return null;
  }

  private static String plain(String parserProblem) {
    if (parserProblem == null) {
      return "invalid YAML";
    }
    String p = parserProblem.replace("\n", " ").trim();
    if (p.startsWith("expected <block end>")) {
      return "this line is not indented like the lines above it";
    }
    if (p.contains("found unexpected end of stream")) {
      return "the file ends before a quote or bracket is closed";
    }
    if (p.contains("\\t(TAB)")) {
      return "a tab character where YAML expects spaces";
    }
    return p.replace("<block mapping start>", "a new key")
        .replace("<block end>", "the end of the block")
        .replace("<scalar>", "a value");
  }

  private static String syntaxHint(String parserProblem) {
    String p = parserProblem == null ? "" : parserProblem;
    if (p.contains("\\t") || p.contains("\t") || p.contains("TAB") || p.contains("tab")) {
      return "YAML indents with spaces, not tabs";
    }
    if (p.contains("mapping values are not allowed")) {
      return "a value containing ': ' must be quoted, or the indentation is off";
    }
    if (p.contains("expected ':'") || p.contains("could not find expected")) {
      return "check the indentation and that every key is followed by ': '";
    }
    return "check the YAML syntax at this position";
  }

  private Problem tooDeep(String displayName, SourcePosition at) {
    return Problem.error(
            Code.Y004,
            "Cannot load "
                + displayName
                + ": mappings and lists nest deeper than "
                + limits.maxDepth()
                + " levels")
        .at(at)
        .file(displayName)
        .hint("flatten the structure")
        .build();
  }

  static SourcePosition position(String file, Optional<Mark> start, Optional<Mark> end) {
    if (start.isEmpty()) {
      return SourcePosition.of(file, 1, 1);
    }
    Mark s = start.get();
    int length = 1;
    if (end.isPresent() && end.get().getLine() == s.getLine()) {
      length = end.get().getColumn() - s.getColumn();
    }
    return new SourcePosition(file, s.getLine() + 1, s.getColumn() + 1, length);
  }

  /** Converts the composed graph, expanding aliases within the limits. */
  private final class Converter {
    private final String file;
    private final ProblemList problems;
    private final Set<Node> onPath = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean stopped;

    Converter(String file, ProblemList problems) {
      this.file = file;
      this.problems = problems;
    }

    /**
     * Measures the document as it would be after alias expansion, without expanding it: each
     * distinct node is visited once, so an alias bomb is refused in microseconds.
     */
    boolean withinLimits(Node root) {
      IdentityHashMap<Node, Long> sizes = new IdentityHashMap<>();
      long size = expandedSize(root, 0, sizes);
      if (stopped) {
        return false;
      }
      if (size > limits.maxNodes()) {
        stop(
            Problem.error(
                    Code.Y004,
                    "Cannot load "
                        + file
                        + ": aliases expand the document's "
                        + sizes.size()
                        + " nodes to more than "
                        + limits.maxNodes()
                        + " nodes, the node limit")
                .at(position(file, root.getStartMark(), root.getEndMark()))
                .hint("this looks like an alias bomb (billion laughs); remove the repeated aliases")
                .build());
        return false;
      }
      return true;
    }

    private long expandedSize(Node node, int depth, IdentityHashMap<Node, Long> sizes) {
      if (stopped) {
        return 0;
      }
      Long known = sizes.get(node);
      if (known != null) {
        return known;
      }
      SourcePosition at = position(file, node.getStartMark(), node.getEndMark());
      if (depth > limits.maxDepth()) {
        stop(tooDeep(file, at));
        return 0;
      }
      long size = 1;
      if (!(node instanceof ScalarNode)) {
        if (!onPath.add(node)) {
          stop(
              Problem.error(Code.Y004, "Cannot load " + file + ": an alias refers to itself")
                  .at(at)
                  .hint("remove the recursive alias")
                  .build());
          return 0;
        }
        if (node instanceof SequenceNode sequence) {
          for (Node item : sequence.getValue()) {
            size = saturatedAdd(size, expandedSize(item, depth + 1, sizes));
          }
        } else if (node instanceof MappingNode mapping) {
          for (NodeTuple tuple : mapping.getValue()) {
            size = saturatedAdd(size, expandedSize(tuple.getKeyNode(), depth + 1, sizes));
            size = saturatedAdd(size, expandedSize(tuple.getValueNode(), depth + 1, sizes));
          }
        }
        onPath.remove(node);
      }
      sizes.put(node, size);
      return size;
    }

    private long saturatedAdd(long a, long b) {
      long sum = a + b;
      return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** Converts a graph that {@link #withinLimits} accepted: bounded, acyclic, not too deep. */
    YamlNode convert(Node node, int depth) {
      SourcePosition at = position(file, node.getStartMark(), node.getEndMark());
      if (node instanceof ScalarNode scalar) {
        YamlScalar.Kind kind = SCALAR_TAGS.get(scalar.getTag());
        if (kind == null) {
          problems.add(unsupportedTag(node, at));
          return null;
        }
        return new YamlScalar(scalar.getValue(), kind, at);
      }
      if (node instanceof SequenceNode sequence) {
        if (!Tag.SEQ.equals(sequence.getTag())) {
          problems.add(unsupportedTag(node, at));
          return null;
        }
        List<YamlNode> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
          YamlNode converted = convert(item, depth + 1);
          if (converted != null) {
            items.add(converted);
          }
        }
        return new YamlSequence(items, at);
      }
      MappingNode mapping = (MappingNode) node;
      if (!Tag.MAP.equals(mapping.getTag())) {
        problems.add(unsupportedTag(node, at));
        return null;
      }
      List<YamlMapping.Entry> entries = new ArrayList<>();
      Map<String, SourcePosition> seen = new HashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        SourcePosition keyAt = position(file, keyNode.getStartMark(), keyNode.getEndMark());
        if (!(keyNode instanceof ScalarNode keyScalar)) {
          problems.add(
              Problem.error(Code.S012, "Keys must be plain text, not a mapping or a list")
                  .at(keyAt)
                  .hint("write the key as a single word")
                  .build());
          continue;
        }
        YamlNode value = convert(tuple.getValueNode(), depth + 1);
        YamlNode key = convert(keyScalar, depth + 1);
        if (!(key instanceof YamlScalar k) || value == null) {
          continue;
        }
        SourcePosition first = seen.putIfAbsent(k.value(), keyAt);
        if (first != null) {
          problems.add(
              Problem.error(
                      Code.Y002,
                      "Duplicate key '"
                          + k.value()
                          + "': it is already defined at "
                          + first
                          + " and again at line "
                          + keyAt.line())
                  .at(keyAt)
                  .hint("remove one of the two definitions (first at line " + first.line() + ")")
                  .build());
          continue;
        }
        entries.add(new YamlMapping.Entry(k, value));
      }
      return new YamlMapping(entries, at);
    }

    private Problem unsupportedTag(Node node, SourcePosition at) {
      String tag = node.getTag().getValue().replace("tag:yaml.org,2002:", "!!");
      return Problem.error(Code.Y003, "Tag '" + tag + "' is not supported in floe files")
          .at(at)
          .hint("remove the tag: floe files use plain YAML values only")
          .build();
    }

    private void stop(Problem problem) {
      if (!stopped) {
        problems.add(problem);
      }
      stopped = true;
    }
  }
}
