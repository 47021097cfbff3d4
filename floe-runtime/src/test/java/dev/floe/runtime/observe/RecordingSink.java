package dev.floe.runtime.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A lineage sink that keeps every event's JSON. */
final class RecordingSink implements LineageSink {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void send(String eventJson) {
    events.add(eventJson);
  }

  List<String> texts() {
    return List.copyOf(events);
  }

  List<JsonNode> events() {
    return events.stream().map(RecordingSink::parse).toList();
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
