package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.goaldriftgym.sweep.SweepEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion, --quiet, the report table's width, step numbering and sweep progress. */
class CliHabitsTest {

  @TempDir Path temp;

  @Test
  void completionPrintsOneScriptForBashAndZshThatCompletesTheCommands() throws Exception {
    Cli cli = new Cli(temp);
    Cli.Result bash = cli.raw("completion");
    assertEquals(0, bash.code(), bash.err());
    assertEquals("", bash.err());
    assertTrue(bash.out().contains("complete -F _complete_goal-drift-gym"), bash.out());
    assertTrue(bash.out().contains("bashcompinit"), "loads bash completion in zsh");
    Cli.Result zsh = cli.raw("completion", "zsh");
    assertEquals(bash.out(), zsh.out());
    assertEquals(2, cli.raw("completion", "fish").code());
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed to run the script");
    Path script = temp.resolve("completion.bash");
    Files.writeString(script, bash.out());
    // complete "goal-drift-gym re" and "goal-drift-gym plot --fo" as bash would
    String words =
        complete(script, "goal-drift-gym re")
            + " | "
            + complete(script, "goal-drift-gym plot --fo");
    assertEquals("replay report | --format", words);
  }

  private static String complete(Path script, String line) throws Exception {
    String command =
        "source '"
            + script
            + "'; COMP_LINE='"
            + line
            + "'; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<< \"$COMP_LINE\";"
            + " COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _complete_goal-drift-gym;"
            + " printf '%s\\n' \"${COMPREPLY[@]}\" | sort | paste -sd' '";
    Process process =
        new ProcessBuilder("/bin/bash", "-c", command)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    return out.strip();
  }

  @Test
  void reportHelpFormatsThePercentSignWithoutPicocliWarnings() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Cli.Result help;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      help = new Cli(temp).raw("report", "--help");
    } finally {
      System.setErr(original);
    }
    assertEquals(0, help.code());
    assertEquals("", captured.toString(StandardCharsets.UTF_8));
    assertFalse(help.err().contains("WARN"), help.err());
    assertTrue(help.out().replaceAll("\\s+", " ").contains("95% Student t interval"), help.out());
  }

  @Test
  void theRunTableFitsTheGivenWidth() {
    Cli cli = new Cli(temp);
    cli.ok("--scenario", "release_manager", "--seed", "1");
    cli.ok("--scenario", "trading_goal_vs_profit", "--seed", "1");
    String wide = cli.raw("report", cli.runsRoot.toString(), "--width", "0").out();
    assertTrue(wide.lines().anyMatch(l -> l.length() > 200), wide);
    String narrow = cli.raw("report", cli.runsRoot.toString(), "--width", "100").out();
    List<String> lines = narrow.lines().toList();
    assertEquals(4, lines.size(), narrow);
    for (String line : lines) {
      assertTrue(line.length() <= 100, line.length() + ": " + line);
    }
    assertTrue(narrow.startsWith("scenario"), narrow);
    assertTrue(lines.get(1).startsWith("rele"), narrow);
    assertTrue(narrow.contains("mean.."), "shortened headers say so: " + narrow);
    assertTrue(
        lines.get(3).matches("\\(\\d+ more columns from \\w+ on; --width 0 shows all\\)"),
        lines.get(3));
    assertEquals(2, cli.raw("report", cli.runsRoot.toString(), "--width", "-1").code());
  }

  @Test
  void quietLeavesStderrEmptyAndStdoutAsItWas() {
    Cli cli = new Cli(temp);
    Cli.Result loud = cli.run("--scenario", "release_manager", "--seed", "1", "--label", "a");
    Cli.Result quiet =
        cli.run("--scenario", "release_manager", "--seed", "1", "--label", "b", "-q");
    assertEquals(0, quiet.code());
    assertFalse(loud.err().isEmpty());
    assertEquals("", quiet.err());
    assertEquals("complete", quiet.json().get("status").asText());
    Cli.Result plot =
        cli.raw(
            "plot",
            cli.runsRoot.toString(),
            "--output",
            temp.resolve("figures").toString(),
            "--quiet");
    assertEquals(0, plot.code(), plot.err());
    assertEquals("", plot.err());
    assertEquals(8, plot.out().lines().count(), plot.out());
    for (String command : Main.commandLine(Main.Environment.system()).getSubcommands().keySet()) {
      String help = cli.raw(command, "--help").out();
      assertTrue(help.contains("-q, --quiet"), command + " has no -q/--quiet: " + help);
    }
  }

  @Test
  void verboseStepsCountFromZeroAsInTheStepLog() {
    Cli.Result result =
        new Cli(temp).run("--scenario", "release_manager", "--seed", "1", "--max-steps", "3", "-v");
    List<String> steps = result.errLines().stream().filter(l -> l.startsWith("step ")).toList();
    assertEquals(3, steps.size(), result.err());
    assertTrue(steps.get(0).startsWith("step 0/2 "), steps.get(0));
    assertTrue(steps.get(2).startsWith("step 2/2 "), steps.get(2));
  }

  @Test
  void sweepProgressShowsElapsedTimeAndRateBesideTheEta() {
    MutableClock clock = new MutableClock(Instant.parse("2024-01-02T03:04:05Z"));
    StringWriter bar = new StringWriter();
    SweepProgress terminal = new SweepProgress(new PrintWriter(bar), false, clock, true);
    clock.advance(Duration.ofSeconds(2));
    terminal.onFinished(entry(0), 1, 4);
    // 1 run in 2 s: 0.5 runs/s = 30 runs/min; 3 left at 2 s each
    assertEquals(
        "\r[#######.......................] 1/4 done, 0 failed, elapsed 2.0s, 30.0 runs/min,"
            + " ETA 6.0s",
        bar.toString());
    StringWriter log = new StringWriter();
    SweepProgress plain = new SweepProgress(new PrintWriter(log), false, clock, false);
    clock.advance(Duration.ofSeconds(1));
    plain.onFinished(entry(0), 4, 4);
    assertEquals(
        "sweep: 4/4 done, 0 failed, elapsed 1.0s, 4.0 runs/s, ETA 0.0s\n",
        log.toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void stderrIsATerminalWhenItPointsAtOne() {
    assertTrue(StderrTerminal.isTerminalDevice("/dev/pts/3"));
    assertTrue(StderrTerminal.isTerminalDevice("/dev/tty1"));
    assertFalse(StderrTerminal.isTerminalDevice("pipe:[48213]"));
    assertFalse(StderrTerminal.isTerminalDevice("/tmp/err.log"));
    // under the test runner stderr is a pipe
    assertFalse(StderrTerminal.detect());
  }

  private static SweepEntry entry(int index) {
    return new SweepEntry(
        index, "release_manager", "x", 1, "baseline", "h", "complete", null, null, null, null);
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
