package org.goaldriftgym.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.goaldriftgym.analysis.Aggregator;
import org.goaldriftgym.analysis.Grouping;
import org.goaldriftgym.analysis.ReportJson;
import org.goaldriftgym.analysis.RunMetrics;
import org.goaldriftgym.analysis.RunRecord;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.sweep.SweepEntry;

/**
 * The summary at the end of a sweep: per scenario and label, the same aggregates as {@code report
 * --group-by scenario,label}, over the sweep's complete runs (those it made and those --resume
 * found). Built from the metrics the sweep already holds, so no step log is read again and memory
 * stays small however many runs there are.
 */
final class SweepSummary {

  private SweepSummary() {}

  static JsonNode of(List<SweepEntry> entries) {
    List<RunRecord> runs = new ArrayList<>();
    for (SweepEntry entry : entries) {
      if (!entry.succeeded() || entry.runDir() == null || entry.metrics() == null) {
        continue;
      }
      runs.add(
          new RunRecord(
              entry.runDir(),
              entry.runDir().getFileName().toString(),
              entry.scenario(),
              entry.label(),
              entry.seed(),
              RunRecord.COMPLETE,
              null,
              null,
              entry.configHash(),
              entry.metrics().threshold(),
              entry.metrics().numSteps(),
              List.of(),
              RunMetrics.of(entry.metrics()),
              List.of(),
              config(entry.runDir()),
              null,
              null));
    }
    Grouping grouping = Grouping.parse("scenario,label");
    return ReportJson.groups(Aggregator.summarize(grouping.group(runs), false));
  }

  /**
   * The run's {@code config.json} (small), which tells the epochs of one seed apart from other
   * runs; {@code null} when unreadable, so the run counts as a sample of its own.
   */
  private static JsonNode config(Path runDir) {
    try {
      return Json.MAPPER.readTree(runDir.resolve("config.json").toFile());
    } catch (IOException e) {
      return null;
    }
  }
}
