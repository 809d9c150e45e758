package org.goaldriftgym.sweep;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.goaldriftgym.artifact.Json;

/**
 * Keeps a sweep's manifest valid at every moment. At the start the manifest lists every item as
 * {@code pending} ({@code "state": "running"}); each finished item is appended to a journal next to
 * it ({@code sweep-….journal.jsonl}, one manifest entry per line, flushed) and the manifest is
 * rewritten whole through a temporary file at most once a {@link #REWRITE_EVERY}; {@link #finish}
 * writes the final manifest and removes the journal. A process killed at any point leaves a
 * readable manifest, and the journal holds the items finished after its last rewrite. Thread-safe.
 */
public final class SweepRecorder implements SweepListener {

  /** The least time between two rewrites of the manifest while the sweep runs. */
  public static final Duration REWRITE_EVERY = Duration.ofSeconds(2);

  /** What every version of the manifest repeats. Immutable. */
  public record Header(Instant startedAt, List<String> commandLine, Shard shard, int totalItems) {

    public Header {
      Objects.requireNonNull(startedAt, "startedAt");
      commandLine = List.copyOf(commandLine);
      Objects.requireNonNull(shard, "shard");
    }
  }

  private final Path manifest;
  private final Path journal;
  private final Header header;
  private final Supplier<List<SweepEntry>> snapshot;
  private final Clock clock;
  private final BufferedWriter journalOut;
  private final java.io.OutputStream journalFile;
  private Instant lastRewrite;
  private IOException journalFailure;
  private boolean finished;

  private SweepRecorder(
      Path manifest,
      Path journal,
      Header header,
      Supplier<List<SweepEntry>> snapshot,
      Clock clock,
      BufferedWriter journalOut,
      java.io.OutputStream journalFile) {
    this.manifest = manifest;
    this.journal = journal;
    this.header = header;
    this.snapshot = snapshot;
    this.clock = clock;
    this.journalOut = journalOut;
    this.journalFile = journalFile;
    this.lastRewrite = clock.instant();
  }

  /**
   * Writes the first manifest (every item as given by {@code snapshot}, normally all pending) and
   * opens the journal; a manifest that cannot be written fails here, before any run starts.
   *
   * @param snapshot what became of every item so far, in sweep order
   */
  public static SweepRecorder start(
      Path manifest, Header header, Supplier<List<SweepEntry>> snapshot, Clock clock)
      throws IOException {
    SweepManifest.write(
        manifest,
        SweepManifest.encode(
            SweepManifest.RUNNING,
            header.startedAt(),
            null,
            header.commandLine(),
            header.shard(),
            header.totalItems(),
            snapshot.get(),
            null));
    Path journal = journalOf(manifest);
    java.io.OutputStream file =
        Files.newOutputStream(
            journal,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    BufferedWriter out = new BufferedWriter(new java.io.OutputStreamWriter(file, UTF_8));
    return new SweepRecorder(manifest, journal, header, snapshot, clock, out, file);
  }

  /** {@code sweep-x.json} keeps its journal in {@code sweep-x.journal.jsonl}. */
  public static Path journalOf(Path manifest) {
    String name = manifest.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return manifest.resolveSibling(base + ".journal.jsonl");
  }

  @Override
  public synchronized void onFinished(SweepEntry entry, int done, int total) {
    if (finished) {
      return;
    }
    try {
      journalOut.write(Json.compact(SweepManifest.encodeEntry(entry)));
      journalOut.write('\n');
      journalOut.flush();
      Instant now = clock.instant();
      if (Duration.between(lastRewrite, now).compareTo(REWRITE_EVERY) >= 0) {
        lastRewrite = now;
        write(SweepManifest.RUNNING, null, snapshot.get(), null);
      }
    } catch (IOException e) {
      // the runs themselves are recorded; the final manifest write says what went wrong
      journalFailure = journalFailure == null ? e : journalFailure;
    }
  }

  /**
   * Writes the final manifest and removes the journal; only the first call writes.
   *
   * @param state {@link SweepManifest#FINISHED}, {@link SweepManifest#INTERRUPTED} or {@link
   *     SweepManifest#STOPPED}
   * @return the manifest written, or {@code null} when an earlier call wrote it
   * @throws IOException when the manifest cannot be written (the journal is then kept)
   */
  public synchronized ObjectNode finish(String state, List<SweepEntry> entries, JsonNode summary)
      throws IOException {
    if (finished) {
      return null;
    }
    finished = true;
    try {
      journalOut.close();
    } catch (IOException e) {
      // the final manifest below holds everything the journal had
    } finally {
      try {
        journalFile.close(); // closed even when the writer's last flush failed (a full disk)
      } catch (IOException e) {
        // as above
      }
    }
    ObjectNode document = write(state, clock.instant(), entries, summary);
    Files.deleteIfExists(journal);
    return document;
  }

  public Path manifest() {
    return manifest;
  }

  private ObjectNode write(
      String state, Instant finishedAt, List<SweepEntry> entries, JsonNode summary)
      throws IOException {
    ObjectNode document =
        SweepManifest.encode(
            state,
            header.startedAt(),
            finishedAt,
            header.commandLine(),
            header.shard(),
            header.totalItems(),
            entries,
            summary);
    SweepManifest.write(manifest, document);
    return document;
  }
}
