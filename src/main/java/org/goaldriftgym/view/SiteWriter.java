package org.goaldriftgym.view;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goaldriftgym.analysis.Aggregator;
import org.goaldriftgym.analysis.GroupSummary;
import org.goaldriftgym.analysis.Grouping;
import org.goaldriftgym.analysis.LoadResult;
import org.goaldriftgym.analysis.RunRecord;
import org.goaldriftgym.artifact.Json;

/**
 * Writes the viewer site into a directory:
 *
 * <pre>
 *   index.html  run.html  compare.html      the pages (resources of this package)
 *   assets/     view.css, common.js, index.js, run.js, compare.js
 *   data/index.js                           gdgIndex({...}): every run, the groups
 *   data/runs/&lt;id&gt;.js                       gdgRun({...}): one run, every step
 *   .goal-drift-gym-view                    marks the directory as a site this class may rewrite
 * </pre>
 *
 * <p>The data files are ASCII (every other character escaped), so their encoding cannot be misread.
 * The same runs give the same bytes. Stateless and thread-safe.
 */
public final class SiteWriter {

  /** The file that marks a directory as a viewer site. */
  public static final String MARKER = ".goal-drift-gym-view";

  /** The pages and assets copied from this package's resources. */
  static final List<String> ASSETS =
      List.of(
          "index.html",
          "run.html",
          "compare.html",
          "assets/view.css",
          "assets/common.js",
          "assets/index.js",
          "assets/run.js",
          "assets/compare.js");

  /** At most this many runs are offered as comparisons on a run's page. */
  static final int MAX_PEERS = 12;

  private static final ObjectWriter ASCII =
      Json.MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

  private SiteWriter() {}

  /**
   * What was written.
   *
   * @param dir the site directory
   * @param index the page to open ({@code dir/index.html})
   * @param runs runs written, one data file each
   * @param groups groups on the index page
   */
  public record Site(Path dir, Path index, int runs, int groups) {}

  /**
   * Writes the site for the loaded runs (its skips are listed on the index page), grouped for the
   * aggregates by {@code grouping} over complete runs.
   *
   * @throws IllegalArgumentException when {@code dir} is a file, or a directory that holds other
   *     files and is not a site written before (nothing is written then)
   * @throws IOException when a file cannot be written
   */
  public static Site write(LoadResult loaded, Grouping grouping, Path dir) throws IOException {
    prepare(dir);
    List<RunRecord> runs = loaded.runs();
    List<String> ids = ViewIds.assign(runs);
    for (String asset : ASSETS) {
      copyResource(asset, dir.resolve(asset));
    }
    Path runData = Files.createDirectories(dir.resolve("data").resolve("runs"));
    Map<String, List<Integer>> bySeed = new LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      bySeed.computeIfAbsent(seedKey(runs.get(i)), k -> new ArrayList<>()).add(i);
    }
    for (int i = 0; i < runs.size(); i++) {
      RunRecord run = runs.get(i);
      List<RunData.Peer> peers = new ArrayList<>();
      for (int j : bySeed.get(seedKey(run))) {
        if (j != i && peers.size() < MAX_PEERS) {
          peers.add(new RunData.Peer(ids.get(j), runs.get(j)));
        }
      }
      writeScript(
          runData.resolve(ids.get(i) + ".js"),
          "gdgRun",
          RunData.of(ids.get(i), run, StepLines.read(run), peers));
    }
    List<GroupSummary> groups =
        runs.isEmpty() ? List.of() : Aggregator.summarize(grouping.group(runs), false);
    writeScript(
        dir.resolve("data").resolve("index.js"),
        "gdgIndex",
        IndexData.of(runs, ids, grouping.keys(), groups, loaded.skipped()));
    return new Site(dir, dir.resolve("index.html"), runs.size(), groups.size());
  }

  /** Runs of one scenario and seed (a drifting run and its control, two models on one seed). */
  private static String seedKey(RunRecord run) {
    return run.scenario() + "\n" + run.seed();
  }

  private static void prepare(Path dir) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + " is a file; give a directory for the site");
    }
    if (Files.isDirectory(dir) && !Files.exists(dir.resolve(MARKER))) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        if (entries.iterator().hasNext()) {
          throw new IllegalArgumentException(
              dir
                  + " is not empty and holds no viewer site; give a new or empty directory (a site"
                  + " written before is rewritten)");
        }
      }
    }
    Files.createDirectories(dir);
    Files.write(dir.resolve(MARKER), "goal-drift-gym view\n".getBytes(StandardCharsets.US_ASCII));
    Path runData = dir.resolve("data").resolve("runs");
    if (Files.isDirectory(runData)) {
      // a site written before: runs that are gone must not linger
      try (DirectoryStream<Path> old = Files.newDirectoryStream(runData, "*.js")) {
        for (Path file : old) {
          Files.delete(file);
        }
      }
    }
  }

  private static void copyResource(String name, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try (InputStream in = SiteWriter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the viewer resource " + name + " is missing from the jar");
      }
      Files.write(target, in.readAllBytes());
    }
  }

  /** {@code callback(json);} and a newline: a script that hands one object to the page. */
  private static void writeScript(Path file, String callback, JsonNode data) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write((callback + "(").getBytes(StandardCharsets.US_ASCII));
      ASCII.writeValue(out, data);
      out.write(");\n".getBytes(StandardCharsets.US_ASCII));
    }
  }
}
