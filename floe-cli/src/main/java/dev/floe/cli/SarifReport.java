package dev.floe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.floe.core.FloeVersion;
import dev.floe.core.diag.Problem;
import dev.floe.core.json.JsonOutput;
import dev.floe.core.scan.Finding;
import dev.floe.core.scan.SarifWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * The SARIF 2.1.0 document of {@code floe scan}: {@link SarifWriter}'s run with the findings as
 * results (reviewed ones, accepted by the baseline or a comment, as results with {@code
 * suppressions}) and, when there are problems that are not findings (a path that does not exist, a
 * bad baseline, a bad command line, warnings), an invocation carrying them as tool execution
 * notifications ({@code executionSuccessful} false when one is an error). Code-scanning upload
 * steps therefore always get a valid document, on failure too.
 */
final class SarifReport {
  private SarifReport() {}

  static String write(List<Finding> findings, List<Problem> notifications, Path root) {
    return write(findings, List.of(), notifications, root, root);
  }

  /**
   * The document with reviewed findings too, as results with {@code suppressions}; artifact paths
   * relative to {@code root} (the repository root), problems' files resolved against {@code
   * workDir} first.
   */
  static String write(
      List<Finding> findings,
      List<SarifWriter.Suppressed> suppressed,
      List<Problem> notifications,
      Path workDir,
      Path root) {
    String sarif = SarifWriter.write(findings, suppressed, FloeVersion.current(), root);
    if (notifications.isEmpty()) {
      return sarif;
    }
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode document;
    try {
      document = (ObjectNode) mapper.readTree(sarif);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode run = (ObjectNode) document.get("runs").get(0);
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", notifications.stream().noneMatch(Problem::isError));
    ArrayNode list = invocation.putArray("toolExecutionNotifications");
    for (Problem p : notifications) {
      ObjectNode n = list.addObject();
      n.putObject("descriptor").put("id", p.code());
      n.put("level", p.isError() ? "error" : "warning");
      n.putObject("message").put("text", p.message());
      if (p.file().isPresent()) {
        ObjectNode location = n.putArray("locations").addObject().putObject("physicalLocation");
        ObjectNode artifact = location.putObject("artifactLocation");
        Path file = workDir.resolve(p.file().get()).toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        if (file.startsWith(base)) {
          artifact.put("uri", uri(base.relativize(file).toString())).put("uriBaseId", "%SRCROOT%");
        } else {
          artifact.put("uri", file.toUri().toASCIIString());
        }
        p.position()
            .ifPresent(
                at ->
                    location
                        .putObject("region")
                        .put("startLine", at.line())
                        .put("startColumn", at.column()));
      }
      if (p.hint().isPresent()) {
        n.putObject("properties").put("hint", p.hint().get());
      }
    }
    return JsonOutput.write(json -> mapper.writeTree(json, document));
  }

  /** A relative URI reference for a '/'-separated path (spaces and the like percent-encoded). */
  private static String uri(String file) {
    try {
      return new URI(null, null, file.replace('\\', '/'), null).getRawPath();
    } catch (URISyntaxException e) {
      return file;
    }
  }
}
