package dev.floe.testing.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An OpenLineage HTTP endpoint for tests, on 127.0.0.1 on an ephemeral port: it records the events
 * {@code POST}ed to {@value #DEFAULT_PATH} (the OpenLineage HTTP transport's default) or to the
 * paths of {@link Builder#path(String)}, one JSON event per request or a JSON array of events,
 * plain or gzip, and validates each against the OpenLineage JSON schema (spec 2-0-2 and the facet
 * schemas of OpenLineage 1.45.0, bundled in this jar: validation never goes to the network).
 *
 * <pre>{@code
 * try (LineageReceiver lineage = LineageReceiver.builder().build().start()) {
 *   // OpenLineage client: transport http, url = lineage.endpoint()
 *   … run the code under test …
 *   List<LineageEvent> events = lineage.awaitEvents(2, Duration.ofSeconds(10));
 *   assertThat(events).extracting(LineageEvent::eventType).containsExactly("START", "COMPLETE");
 *   lineage.assertAllValid();
 * }
 * }</pre>
 *
 * <p>Events that break the schema are still answered with 200 and recorded, with their errors
 * ({@link LineageEvent#validationErrors()}, {@link #validationErrors()}, {@link
 * #assertAllValid()}). A body that is not JSON, or an array with something other than objects, is
 * answered with 400, recorded as a problem in {@link #validationErrors()} and yields no event.
 * Other answers: 404 for another path, 405 for a method other than {@code POST}, 415 for a content
 * encoding other than gzip.
 *
 * <p>Failure modes for degradation tests: {@link #respondWith(int)}, {@link #hang()}, {@link
 * #refuse()} / {@link #resume()}, as on {@link OtlpReceiver}. Instances are safe for use by several
 * threads.
 */
public final class LineageReceiver extends LoopbackReceiver {

  /** The path the OpenLineage HTTP transport posts to unless configured otherwise. */
  public static final String DEFAULT_PATH = "/api/v1/lineage";

  private final ObjectMapper mapper =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final Set<String> paths;
  // Bodies are recorded as they arrive and answered at once; decoding and schema validation happen
  // when a test asks (events(), validationErrors()), so that a slow validation never makes the
  // endpoint look slow to the client under test.
  private final List<Received> received = new ArrayList<>();
  private final List<LineageEvent> events = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  private LineageReceiver(Builder builder) {
    super("OpenLineage receiver");
    this.paths = Set.copyOf(builder.paths);
  }

  /**
   * Starts a builder that accepts {@value #DEFAULT_PATH}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds to 127.0.0.1 on an ephemeral port and starts serving.
   *
   * @return this receiver, for chaining
   * @throws IllegalStateException if it was started (or closed) before
   * @throws java.io.UncheckedIOException if it cannot listen
   */
  public LineageReceiver start() {
    OpenLineageSchemas.get().preload();
    startServer();
    return this;
  }

  /**
   * Returns the URL of the default path, for clients that take a full URL.
   *
   * @return {@code http://127.0.0.1:<port>/api/v1/lineage}
   */
  public URI lineageEndpoint() {
    return endpoint().resolve(DEFAULT_PATH);
  }

  /**
   * Returns the paths events are accepted on.
   *
   * @return {@value #DEFAULT_PATH} and the builder's paths
   */
  public Set<String> paths() {
    return paths;
  }

  /**
   * Returns every event received, in the order received, valid or not.
   *
   * @return an unmodifiable copy
   */
  public List<LineageEvent> events() {
    synchronized (lock) {
      return List.copyOf(decoded());
    }
  }

  /** Decodes what arrived since the last call; called with the lock held. */
  private List<LineageEvent> decoded() {
    for (int i = events.size(); i < received.size(); i++) {
      Received r = received.get(i);
      events.add(LineageEvent.of(r.path(), r.json()));
    }
    return events;
  }

  private record Received(String path, JsonNode json) {}

  /**
   * Returns the events of one job (by name, in any namespace), in the order received.
   *
   * @param jobName the job's name
   * @return an unmodifiable list; empty if none
   */
  public List<LineageEvent> events(String jobName) {
    synchronized (lock) {
      return decoded().stream().filter(event -> event.jobName().equals(jobName)).toList();
    }
  }

  /**
   * Waits until at least {@code count} events have been received.
   *
   * @param count the number of events to wait for
   * @param timeout how long to wait at most
   * @return every event received so far (at least {@code count})
   * @throws AssertionError if fewer arrived in time; the message says which did
   */
  public List<LineageEvent> awaitEvents(int count, Duration timeout) {
    await(
        () -> received.size() >= count,
        timeout,
        () ->
            "expected at least "
                + count
                + " OpenLineage events within "
                + timeout
                + " but received "
                + received.size()
                + " "
                + decoded()
                + " in "
                + requests()
                + " requests");
    return events();
  }

  /**
   * Returns every validation error of the events received, and the bodies that held no events.
   *
   * @return lines like {@code event #2 (RUN BEGIN floe/orders …): $.eventType: does not have a
   *     value in the enumeration […]}; empty if all is valid
   */
  public List<String> validationErrors() {
    synchronized (lock) {
      List<String> all = new ArrayList<>(problems);
      decoded();
      for (int i = 0; i < events.size(); i++) {
        LineageEvent event = events.get(i);
        for (String error : event.validationErrors()) {
          all.add("event #" + (i + 1) + " (" + event + "): " + error);
        }
      }
      return List.copyOf(all);
    }
  }

  /**
   * Fails unless every event received is valid and every body held events.
   *
   * @throws AssertionError listing the errors
   */
  public void assertAllValid() {
    List<String> errors = validationErrors();
    if (!errors.isEmpty()) {
      throw new AssertionError(
          errors.size() + " OpenLineage validation errors:\n  " + String.join("\n  ", errors));
    }
  }

  @Override
  Answer accept(Request request) {
    String path = request.path();
    if (!paths.contains(path)) {
      return Answer.text(
          404, "no OpenLineage endpoint at " + path + "; this receiver takes " + paths);
    }
    if (!"POST".equals(request.method())) {
      return Answer.text(405, "OpenLineage events are POSTed, not sent with " + request.method());
    }
    JsonNode body;
    try {
      body = mapper.readTree(request.body());
    } catch (JsonProcessingException e) {
      return problem(path, "the body is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return problem(path, "the body cannot be read: " + e.getMessage());
    }
    List<JsonNode> bodies = new ArrayList<>();
    if (body != null && body.isObject()) {
      bodies.add(body);
    } else if (body != null && body.isArray()) {
      for (JsonNode element : body) {
        if (!element.isObject()) {
          return problem(path, "the array holds a " + element.getNodeType() + ", not only events");
        }
        bodies.add(element);
      }
    } else {
      return problem(
          path,
          "the body is "
              + (body == null ? "empty" : "a JSON " + body.getNodeType())
              + ", not an event or an array of events");
    }
    synchronized (lock) {
      for (JsonNode event : bodies) {
        this.received.add(new Received(path, event));
      }
      recorded();
    }
    return Answer.text(200, "received " + bodies.size() + " events");
  }

  private Answer problem(String path, String problem) {
    synchronized (lock) {
      problems.add("request to " + path + ": " + problem);
      recorded();
    }
    return Answer.text(400, problem);
  }

  @Override
  void clearRecords() {
    received.clear();
    events.clear();
    problems.clear();
  }

  /**
   * Describes the receiver: its address and state.
   *
   * @return for example {@code OpenLineage receiver[http://127.0.0.1:41234, ACCEPT]}
   */
  @Override
  public String toString() {
    return describe();
  }

  /** Chooses the paths of a {@link LineageReceiver}. */
  public static final class Builder {

    private final Set<String> paths = new LinkedHashSet<>(Set.of(DEFAULT_PATH));

    private Builder() {}

    /**
     * Accepts events on {@code path} too (for a client configured with another endpoint).
     *
     * @param path an absolute path, for example {@code /lineage}
     * @return this builder
     * @throws IllegalArgumentException if the path does not start with {@code /}
     */
    public Builder path(String path) {
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("an absolute path starting with /, not " + path);
      }
      paths.add(path);
      return this;
    }

    /**
     * Builds the receiver; {@link LineageReceiver#start()} makes it listen.
     *
     * @return a new receiver
     */
    public LineageReceiver build() {
      return new LineageReceiver(this);
    }
  }
}
