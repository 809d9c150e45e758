package org.goaldriftgym.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.sweep.ManifestMerge;
import org.goaldriftgym.sweep.Shard;
import org.goaldriftgym.sweep.SweepEntry;
import org.goaldriftgym.sweep.SweepManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code merge}: one manifest and summary from the manifests of the shards of one sweep ({@code
 * sweep --shard i/n} on several machines or array tasks), the same summary the unsharded sweep
 * prints. {@code report}, {@code plot} and {@code replay} then take the merged manifest.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    sortOptions = false,
    description = {
      "Merge the sweep.json manifests of the shards of one sweep into one manifest and summary.",
      "Prints what sweep prints (manifest, counts, summary); exit 1 when an item is missing or"
          + " did not complete."
    })
final class MergeCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin QuietMixin quietness;

  @Parameters(arity = "1..*", paramLabel = "MANIFEST", description = "The shards' manifests.")
  List<Path> manifests = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "Where to write the merged manifest.")
  Path output;

  private final Main.Environment environment;

  MergeCommand(Main.Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    for (Path file : manifests) {
      if (!Files.isRegularFile(file)) {
        throw HarnessException.usage(file + " is not a file; pass the shards' sweep.json files");
      }
    }
    if (Files.isDirectory(output)) {
      throw HarnessException.usage(
          "--output " + output + " is a directory; give a file name such as merged.json");
    }
    ManifestMerge.Result merged;
    try {
      merged = ManifestMerge.merge(manifests);
    } catch (IllegalArgumentException e) {
      throw HarnessException.usage(e.getMessage());
    }
    List<SweepEntry> entries = merged.entries();
    boolean allFinished = merged.states().stream().allMatch(SweepManifest.FINISHED::equals);
    Instant now = environment.clock().instant();
    ObjectNode document =
        SweepManifest.encode(
            allFinished && merged.missing().isEmpty()
                ? SweepManifest.FINISHED
                : SweepManifest.INTERRUPTED,
            now,
            now,
            merged.commandLine(),
            Shard.ALL,
            merged.totalItems(),
            entries,
            SweepSummary.of(entries));
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    SweepManifest.write(output, document);

    ObjectNode out = Json.object();
    out.put("manifest", output.toString());
    out.put("state", document.get("state").asText());
    out.set("counts", document.get("counts"));
    out.set("summary", document.get("summary"));
    spec.commandLine().getOut().print(new String(Json.pretty(out), StandardCharsets.UTF_8));
    if (!merged.missing().isEmpty()) {
      err.println(
          "merge: "
              + merged.missing().size()
              + " of "
              + merged.totalItems()
              + " items are in no manifest (items "
              + merged.missing().stream()
                  .limit(10)
                  .map(i -> Integer.toString(i + 1))
                  .collect(Collectors.joining(", "))
              + (merged.missing().size() > 10 ? ", ..." : "")
              + "): is a shard missing?");
    }
    boolean complete =
        merged.missing().isEmpty() && entries.stream().allMatch(SweepEntry::succeeded);
    return complete ? ExitCodes.OK : ExitCodes.RUN_FAILED;
  }
}
