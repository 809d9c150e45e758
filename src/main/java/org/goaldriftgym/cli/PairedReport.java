package org.goaldriftgym.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.goaldriftgym.analysis.PairedDifferences;
import org.goaldriftgym.analysis.PairedGroup;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.core.HarnessException;

/**
 * {@code report --paired}: the paired table of one or more {@code sweep --control} manifests, the
 * same as the sweep's {@code paired_summary} (shards of one sweep pool their pairs).
 */
final class PairedReport {

  private PairedReport() {}

  static int print(
      PrintWriter out, List<Path> paths, ReportFormat format, int columns, boolean otherMode) {
    if (otherMode) {
      throw HarnessException.usage(
          "--paired cannot be combined with --steps, --group-by, --trend or --include-incomplete");
    }
    List<JsonNode> manifests = new ArrayList<>();
    for (Path path : paths) {
      manifests.add(read(path));
    }
    List<PairedGroup> groups = PairedDifferences.of(manifests);
    switch (format == null ? ReportFormat.TABLE : format) {
      case JSON ->
          out.print(
              new String(Json.pretty(PairedDifferences.json(groups)), StandardCharsets.UTF_8));
      case CSV -> out.print(PairedDifferences.table(groups).toCsv());
      case TABLE -> out.print(PairedDifferences.table(groups).toText(columns));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static JsonNode read(Path path) {
    if (!Files.isRegularFile(path)) {
      throw HarnessException.usage(
          "--paired reads sweep.json manifests of sweep --control; " + path + " is not a file");
    }
    JsonNode manifest;
    try {
      manifest = Json.MAPPER.readTree(path.toFile());
    } catch (JsonProcessingException e) {
      throw HarnessException.usage(
          "--paired: cannot read " + path + " as JSON (" + IoMessages.describe(e) + ")");
    } catch (IOException e) {
      throw new HarnessException(
          HarnessException.Kind.ENVIRONMENT,
          "--paired: cannot read " + path + ": " + IoMessages.describe(e),
          e);
    }
    if (manifest == null || !PairedDifferences.hasPairs(manifest)) {
      throw HarnessException.usage(
          "--paired: "
              + path
              + " has no pairs; it must be the sweep.json of a sweep run with --control");
    }
    return manifest;
  }
}
