package org.goaldriftgym.artifact;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goaldriftgym.core.RunConfig;
import org.junit.jupiter.api.Test;

/** The JSON encodings: stable pretty files, canonical text for hashing. */
class JsonTest {

  @Test
  void canonicalSortsKeysAtEveryLevelWithoutWhitespace() throws Exception {
    JsonNode node =
        Json.MAPPER.readTree(
            "{\"b\": {\"y\": 1, \"x\": [true, {\"d\": null, \"c\": 1.5}]}, \"a\": \"t\"}");
    assertEquals(
        "{\"a\":\"t\",\"b\":{\"x\":[true,{\"c\":1.5,\"d\":null}],\"y\":1}}", Json.canonical(node));
  }

  @Test
  void prettyUsesTwoSpacesColonSpaceAndAFinalNewline() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("z", 1);
    value.put("a", List.of());
    value.put("m", Map.of());
    assertEquals(
        "{\n  \"z\": 1,\n  \"a\": [],\n  \"m\": {}\n}\n",
        new String(Json.pretty(Json.tree(value)), UTF_8));
  }

  @Test
  void prettyJsonReadBackAndRewrittenIsByteIdentical() throws Exception {
    RunConfig config =
        RunConfig.builder()
            .scenario("release_manager")
            .scenarioParam("briefing", "quote \" and ünïcode")
            .engine(new RunConfig.EngineSettings(5, 3L, true))
            .policy("baseline")
            .threshold(0.6)
            .build();
    Map<String, Object> scenarioConfig = new LinkedHashMap<>();
    scenarioConfig.put("max_steps", 5L);
    scenarioConfig.put("safe_canary", 0.9);
    scenarioConfig.put("nudges", List.of(List.of(0.2, "x")));
    ConfigDocument document = ConfigDocument.of(config, scenarioConfig);
    byte[] written = Json.pretty(document.json());

    JsonNode readBack = Json.MAPPER.readTree(written);
    assertEquals(new String(written, UTF_8), new String(Json.pretty(readBack), UTF_8));
    assertEquals(
        document.hash(), ConfigDocument.hashOf(readBack), "the hash survives a round trip");
  }
}
