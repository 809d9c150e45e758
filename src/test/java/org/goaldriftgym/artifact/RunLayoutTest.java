package org.goaldriftgym.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Run directories: safe labels, time-and-seed ids, never two runs in one directory. */
class RunLayoutTest {

  @TempDir Path temp;

  @ParameterizedTest
  @CsvSource({
    "openai/gpt-4o, openai-gpt-4o",
    "policy-baseline, policy-baseline",
    "My Label/../x, my-label-x",
    "..\\..\\etc, etc",
    "  spaced  out  , spaced-out",
    "a__b--c, a__b-c",
    "Ünïcode Ω model, n-code-model"
  })
  void slugKeepsOnlyLowerCaseLettersDigitsUnderscoresAndHyphens(String label, String slug) {
    assertEquals(slug, RunLayout.slug(label));
    assertTrue(RunLayout.slug(label).matches("[a-z0-9_-]+"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "..", "/", "---", "../.."})
  void labelWithNothingUsableIsRejected(String label) {
    assertThrows(IllegalArgumentException.class, () -> RunLayout.slug(label));
  }

  @Test
  void runIdIsUtcTimeAndSeed() {
    assertEquals(
        "20240229-235958-s0", RunLayout.runId(Instant.parse("2024-02-29T23:59:58.999Z"), 0));
    assertEquals(
        "20240101-000000-s1099511627779",
        RunLayout.runId(Instant.parse("2024-01-01T00:00:00Z"), 1099511627779L));
  }

  @Test
  void takenIdsGetSuffixesAndEachRunItsOwnArtifactsReadme() throws Exception {
    RunLayout layout = new RunLayout(temp.resolve("runs"), temp.resolve("artifacts"));
    Instant at = Instant.parse("2024-01-02T03:04:05Z");
    RunDirectory first = layout.create("s", "l", at, 7);
    RunDirectory second = layout.create("s", "l", at, 7);
    RunDirectory third = layout.create("s", "l", at, 7);
    RunDirectory otherSeed = layout.create("s", "l", at, 8);

    assertEquals("20240102-030405-s7", first.runId());
    assertEquals("20240102-030405-s7-2", second.runId());
    assertEquals("20240102-030405-s7-3", third.runId());
    assertEquals("20240102-030405-s8", otherSeed.runId());
    assertEquals(temp.resolve("runs/s/l/20240102-030405-s7-2"), second.path());
    assertEquals(temp.resolve("artifacts/s/l/20240102-030405-s7-2"), second.artifacts());
    for (RunDirectory dir : new RunDirectory[] {first, second, third, otherSeed}) {
      assertTrue(Files.isDirectory(dir.path()));
      String readme = Files.readString(dir.artifacts().resolve("README.txt"));
      assertTrue(readme.contains(dir.path().toString()), readme);
    }
  }
}
