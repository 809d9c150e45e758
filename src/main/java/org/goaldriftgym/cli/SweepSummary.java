package org.goaldriftgym.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.goaldriftgym.analysis.Aggregator;
import org.goaldriftgym.analysis.Grouping;
import org.goaldriftgym.analysis.LoadResult;
import org.goaldriftgym.analysis.ReportJson;
import org.goaldriftgym.analysis.RunLoader;
import org.goaldriftgym.sweep.SweepEntry;

/**
 * The summary at the end of a sweep: per scenario and label, the same aggregates as {@code report
 * --group-by scenario,label} over the sweep's complete runs (those it made and those --resume
 * found).
 */
final class SweepSummary {

  private SweepSummary() {}

  static JsonNode of(List<SweepEntry> entries) {
    List<Path> dirs =
        entries.stream()
            .filter(SweepEntry::succeeded)
            .map(SweepEntry::runDir)
            .filter(Objects::nonNull)
            .toList();
    LoadResult loaded = RunLoader.load(dirs);
    Grouping grouping = Grouping.parse("scenario,label");
    return ReportJson.groups(Aggregator.summarize(grouping.group(loaded.runs()), false));
  }
}
