package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets never reach {@code meta.json}'s command line. */
class CommandLineRedactionTest {

  @TempDir Path temp;

  @Test
  void secretKeyValueIsRedacted() {
    assertEquals(List.of("api_key=***"), CommandLineRedaction.redact(List.of("api_key=sk-123")));
  }

  @Test
  void secretValueAfterAFlagIsRedacted() {
    assertEquals(
        List.of("--agent-param", "api_key=***", "--agent-param", "model=gpt"),
        CommandLineRedaction.redact(
            List.of("--agent-param", "api_key=sk-123", "--agent-param", "model=gpt")));
  }

  @Test
  void otherSecretLookingKeysAreRedactedWhateverTheirCase() {
    assertEquals(
        List.of("OPENROUTER_API_KEY=***", "Token=***", "db_password=***", "client_secret=***"),
        CommandLineRedaction.redact(
            List.of("OPENROUTER_API_KEY=sk", "Token=t", "db_password=p", "client_secret=s")));
  }

  @Test
  void nameOfTheEnvironmentVariableHoldingTheKeyIsKept() {
    assertEquals(
        List.of("api_key_env=OPENROUTER_API_KEY"),
        CommandLineRedaction.redact(List.of("api_key_env=OPENROUTER_API_KEY")));
  }

  @Test
  void keysThatOnlyContainASecretWordAreKept() {
    List<String> args = List.of("max_tokens=512", "monkey=banana", "max_output_tokens=900");
    assertEquals(args, CommandLineRedaction.redact(args));
  }

  @Test
  void valueAfterAFlagNamedLikeASecretIsRedacted() {
    assertEquals(
        List.of("--api-key", "***", "--seed", "3", "--token=***"),
        CommandLineRedaction.redact(List.of("--api-key", "sk-1", "--seed", "3", "--token=t")));
  }

  @Test
  void ordinaryArgumentsAreKept() {
    List<String> args =
        List.of(
            "run",
            "--scenario",
            "release_manager",
            "--scenario-param",
            "safe_canary=0.8",
            "--seed",
            "3");
    assertEquals(args, CommandLineRedaction.redact(args));
  }

  @Test
  void secretInTheEqualsFormOfAFlagIsRedacted() {
    assertEquals(
        List.of("--agent-param=api_key=***"),
        CommandLineRedaction.redact(List.of("--agent-param=api_key=sk-123")));
  }

  @Test
  void metaJsonRecordsTheRedactedCommandLine() {
    Cli cli = new Cli(temp);
    // a briefing that looks like a secret assignment stands in for a secret on the command line
    Cli.Result result =
        cli.ok(
            "--scenario",
            "release_manager",
            "--seed",
            "1",
            "--max-steps",
            "1",
            "--scenario-param",
            "briefing=x",
            "--label",
            "token=abc");
    List<String> recorded = new ArrayList<>();
    Cli.readJson(result.runDir().resolve("meta.json"))
        .get("command_line")
        .forEach(a -> recorded.add(a.asText()));
    assertEquals("token=***", recorded.get(recorded.indexOf("--label") + 1));
    assertEquals("briefing=x", recorded.get(recorded.indexOf("--scenario-param") + 1));
  }
}
