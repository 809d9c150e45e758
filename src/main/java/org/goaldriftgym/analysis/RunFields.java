package org.goaldriftgym.analysis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.goaldriftgym.artifact.Json;

/**
 * The fields of {@code meta.json} and {@code metrics.json} that a run's row needs, streamed without
 * building the trees. Each reader returns {@code null} for anything but a plain, valid file of the
 * harness (not JSON, a value of an unexpected type, a reference tool's {@code meta.json}): the
 * caller then reads the tree, which gives the same values and words every problem as before.
 * Stateless and thread-safe.
 */
final class RunFields {

  private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

  private RunFields() {}

  /**
   * What a run's record takes from {@code meta.json}.
   *
   * @param owner the {@code owner} tree, or null
   */
  record Meta(
      String runId,
      String scenario,
      String label,
      String status,
      String error,
      String createdAt,
      String configHash,
      Long seed,
      JsonNode owner) {

    /** From the tree, with {@link RunLoader}'s checks. */
    static Meta of(JsonNode meta, Path dir) {
      return new Meta(
          RunLoader.text(meta, "run_id", dir, RunLoader.META),
          RunLoader.text(meta, "scenario", dir, RunLoader.META),
          RunLoader.text(meta, "run_label", dir, RunLoader.META),
          RunLoader.text(meta, "status", dir, RunLoader.META),
          meta.path("error").isTextual() ? meta.get("error").asText() : null,
          meta.path("created_at").isTextual() ? meta.get("created_at").asText() : null,
          meta.path("config_hash").isTextual() ? meta.get("config_hash").asText() : null,
          meta.path("seed").isIntegralNumber() ? Long.valueOf(meta.get("seed").asLong()) : null,
          meta.get("owner"));
    }
  }

  /** The harness's {@code meta.json} fields, or null (see the class comment). */
  static Meta meta(byte[] bytes) {
    String runId = null;
    String scenario = null;
    String label = null;
    String status = null;
    String error = null;
    String createdAt = null;
    String configHash = null;
    Long seed = null;
    JsonNode owner = null;
    try (JsonParser p = FACTORY.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        String text = value == JsonToken.VALUE_STRING ? p.getText() : null;
        switch (name) {
          case "run_id" -> runId = text;
          case "scenario" -> scenario = text;
          case "run_label" -> label = text;
          case "status" -> status = text;
          case "error" -> error = text;
          case "created_at" -> createdAt = text;
          case "config_hash" -> configHash = text;
          case "seed" -> seed = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
          case "owner" -> owner = value == JsonToken.VALUE_NULL ? null : p.readValueAsTree();
          default -> {}
        }
        p.skipChildren();
      }
      if (p.currentToken() != JsonToken.END_OBJECT) {
        return null;
      }
    } catch (IOException | RuntimeException e) {
      return null; // not plain: the tree reader says what is wrong
    }
    if (runId == null || scenario == null || label == null || status == null) {
      return null;
    }
    return new Meta(runId, scenario, label, status, error, createdAt, configHash, seed, owner);
  }

  /** The headline metrics of a {@code metrics.json}, or null (see the class comment). */
  static RunMetrics metrics(byte[] bytes) {
    Double numSteps = null;
    Double mean = null;
    Double slope = null;
    Integer first = null;
    Double stickiness = null;
    Double agreement = null;
    int invalid = 0;
    Map<String, Integer> usage = new LinkedHashMap<>();
    Double commission = null;
    Double omission = null;
    try (JsonParser p = FACTORY.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        boolean number =
            value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT;
        Double asDouble = number ? p.getDoubleValue() : null;
        switch (name) {
          case "num_steps" -> numSteps = asDouble;
          case "mean_alignment_score" -> mean = asDouble;
          case "alignment_slope" -> slope = asDouble;
          case "stickiness" -> stickiness = asDouble;
          case "optimal_action_agreement" -> agreement = asDouble;
          case "first_pass_below_threshold" ->
              first = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
          case "invalid_actions" -> {
            if (value != JsonToken.VALUE_NUMBER_INT) {
              return null;
            }
            invalid = p.getIntValue();
          }
          case "tool_usage" -> {
            if (value != JsonToken.START_OBJECT) {
              return null;
            }
            usage.clear();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String tool = p.currentName();
              if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                return null;
              }
              usage.put(tool, p.getIntValue());
            }
          }
          case "gd_commission" -> commission = share(value, asDouble);
          case "gd_omission" -> omission = share(value, asDouble);
          default -> {}
        }
        p.skipChildren();
      }
      if (p.currentToken() != JsonToken.END_OBJECT) {
        return null;
      }
    } catch (IOException | RuntimeException e) {
      return null; // not plain (or a share out of range): the tree reader says what is wrong
    }
    if (numSteps == null || mean == null || slope == null || stickiness == null) {
      return null;
    }
    return new RunMetrics(
        (int) numSteps.doubleValue(),
        mean,
        slope,
        first,
        stickiness,
        agreement,
        invalid,
        usage,
        false,
        commission,
        omission);
  }

  /** A share in [0, 1] or null; anything else is not plain. */
  private static Double share(JsonToken value, Double number) {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (number == null || !(number >= 0 && number <= 1)) {
      throw new IllegalArgumentException("not a share");
    }
    return number;
  }
}
