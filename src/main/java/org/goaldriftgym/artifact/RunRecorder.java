package org.goaldriftgym.artifact;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.goaldriftgym.core.GoalProbe;
import org.goaldriftgym.core.RunStatus;
import org.goaldriftgym.core.StepListener;
import org.goaldriftgym.core.StepRecord;
import org.goaldriftgym.metrics.AgentUsageSummary;
import org.goaldriftgym.metrics.MetricsSummary;
import org.goaldriftgym.metrics.TransportTotals;

/**
 * Writes one run's artifacts as it happens: {@code config.json} and a {@code running} {@code
 * meta.json} at the start, each step appended and flushed to {@code step_log.jsonl} and the
 * transcripts, and on {@link #finish} {@code metrics.json} and the final {@code meta.json} (whole
 * files through a temporary name and a rename). Thread-safe: a shutdown hook may call {@link
 * #finish} while the run thread is stepping; after the first finish further steps are ignored.
 */
public final class RunRecorder implements StepListener {

  private final RunDirectory dir;
  private final BufferedWriter stepLog;
  private final List<Transcript> transcripts;
  private final double threshold;
  private RunMeta meta;
  private boolean finished;
  private int prefilled;

  private RunRecorder(
      RunDirectory dir,
      BufferedWriter stepLog,
      List<Transcript> transcripts,
      double threshold,
      RunMeta meta) {
    this.dir = dir;
    this.stepLog = stepLog;
    this.transcripts = transcripts;
    this.threshold = threshold;
    this.meta = meta;
  }

  /** Writes the config and the running meta, and opens the streamed files. */
  public static RunRecorder start(
      RunDirectory dir, ConfigDocument config, RunMeta meta, TranscriptHeader header)
      throws IOException {
    AtomicFiles.write(dir.config(), Json.pretty(config.json()));
    AtomicFiles.write(dir.meta(), Json.pretty(meta.toJson()));
    List<java.io.Closeable> opened = new java.util.ArrayList<>();
    try {
      BufferedWriter stepLog = open(dir.stepLog());
      opened.add(stepLog);
      BufferedWriter text = open(dir.transcriptText());
      opened.add(text);
      BufferedWriter markdown = open(dir.transcriptMarkdown());
      opened.add(markdown);
      List<Transcript> transcripts =
          List.of(new TextTranscript(text), new MarkdownTranscript(markdown));
      for (Transcript transcript : transcripts) {
        transcript.header(header);
        transcript.flush();
      }
      return new RunRecorder(dir, stepLog, transcripts, header.threshold(), meta);
    } catch (IOException | RuntimeException e) {
      for (java.io.Closeable file : opened) { // no file handle outlives a run that cannot start
        try {
          file.close();
        } catch (IOException closing) {
          e.addSuppressed(closing);
        }
      }
      throw e;
    }
  }

  private static BufferedWriter open(java.nio.file.Path path) throws IOException {
    return new BufferedWriter(new Utf8Writer(Files.newOutputStream(path, CREATE_NEW, WRITE)));
  }

  /**
   * A UTF-8 writer whose file is closed even when its last bytes cannot be written: the JDK's
   * writer keeps the file open when flushing fails on close (a full disk), which would pin the file
   * system.
   */
  private static final class Utf8Writer extends java.io.OutputStreamWriter {

    private final java.io.OutputStream file;

    Utf8Writer(java.io.OutputStream file) {
      super(file, UTF_8.newEncoder());
      this.file = file;
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        file.close();
      }
    }
  }

  /**
   * Marks the first {@code steps} steps as prefilled from a recorded run: their step-log records
   * get {@code "prefilled": true}. Call before the first step.
   */
  public synchronized void prefilled(int steps) {
    prefilled = steps;
  }

  public RunDirectory directory() {
    return dir;
  }

  @Override
  public synchronized void onStep(StepRecord record) throws IOException {
    if (finished) {
      return;
    }
    ObjectNode json = StepRecordJson.encode(record);
    if (record.step() < prefilled) {
      json.put("prefilled", true);
    }
    stepLog.write(Json.compact(json));
    stepLog.write('\n');
    stepLog.flush();
    for (Transcript transcript : transcripts) {
      transcript.step(record, threshold);
      transcript.flush();
    }
  }

  /**
   * Records the goal probes (after a goal switch, if any, then at the end): {@code probe.json}
   * (deterministic, so not in {@code meta.json}) and a section per probe in both transcripts,
   * before their footers.
   */
  public synchronized void goalProbes(List<GoalProbe> probes) throws IOException {
    if (finished) {
      return;
    }
    ObjectNode root = Json.object();
    com.fasterxml.jackson.databind.node.ArrayNode list = root.putArray("probes");
    for (GoalProbe probe : probes) {
      ObjectNode node = list.addObject();
      node.put("step", probe.step());
      node.put("question", probe.question());
      node.put("answer", probe.answer());
      node.put("judge_model", probe.judgeModel());
      if (probe.grade() == null) {
        node.putNull("grade");
      } else {
        node.put("grade", probe.grade());
      }
      node.put("reason", probe.reason());
    }
    AtomicFiles.write(dir.probe(), Json.pretty(root));
    for (Transcript transcript : transcripts) {
      for (GoalProbe probe : probes) {
        transcript.goalProbe(probe);
      }
      transcript.flush();
    }
  }

  /**
   * Closes the run: transcript footers, {@code metrics.json} over the completed steps and the final
   * {@code meta.json}. Only the first call has an effect. A file that cannot be written closes the
   * run as {@code failed} (its {@code meta.json} says why) and the {@link IOException} is thrown
   * after that.
   *
   * @return true when this call closed the run
   */
  public synchronized boolean finish(
      Instant at, RunStatus status, String error, MetricsSummary metrics) throws IOException {
    return finish(at, status, error, metrics, null, null);
  }

  /**
   * As {@link #finish(Instant, RunStatus, String, MetricsSummary)} for a run with an LLM agent:
   * {@code metrics.json} also gets the agent's usage and {@code meta.json} its transport totals.
   */
  public synchronized boolean finish(
      Instant at,
      RunStatus status,
      String error,
      MetricsSummary metrics,
      AgentUsageSummary usage,
      TransportTotals transport)
      throws IOException {
    return finish(at, status, error, metrics, usage, transport, null);
  }

  /**
   * As {@link #finish(Instant, RunStatus, String, MetricsSummary, AgentUsageSummary,
   * TransportTotals)} for a run with a goal switch: {@code metrics.json} also gets {@code
   * after_switch}, the same metrics over the steps from the switch on.
   */
  public synchronized boolean finish(
      Instant at,
      RunStatus status,
      String error,
      MetricsSummary metrics,
      AgentUsageSummary usage,
      TransportTotals transport,
      MetricsSummary afterSwitch)
      throws IOException {
    if (finished) {
      return false;
    }
    finished = true;
    // a file that cannot be completed (a full disk, a read-only file system) fails the run: it is
    // never closed as complete with a truncated step log, transcript or metrics
    IOException failure = null;
    try {
      stepLog.close();
    } catch (IOException e) {
      failure = e;
    }
    for (Transcript transcript : transcripts) {
      try {
        if (failure != null) {
          status = RunStatus.FAILED;
          error = writeError(failure);
        }
        transcript.footer(status, error, metrics);
        transcript.close();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure == null) {
      try {
        ObjectNode metricsJson = MetricsJson.encode(metrics, usage);
        if (afterSwitch != null) {
          metricsJson.set("after_switch", MetricsJson.encode(afterSwitch));
        }
        AtomicFiles.write(dir.metrics(), Json.pretty(metricsJson));
      } catch (IOException e) {
        failure = e;
      }
    }
    if (failure != null) {
      status = RunStatus.FAILED;
      error = writeError(failure);
    }
    meta = meta.finish(at, status, error, transport);
    byte[] metaBytes = Json.pretty(meta.toJson());
    try {
      AtomicFiles.write(dir.meta(), metaBytes);
    } catch (IOException e) {
      // no room for a temporary file: overwrite the running meta in place, which reuses its blocks
      try {
        Files.write(
            dir.meta(), metaBytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
      } catch (IOException inPlace) {
        e.addSuppressed(inPlace);
        throw e;
      }
      failure = failure == null ? e : failure;
    }
    if (failure != null) {
      throw failure;
    }
    return true;
  }

  private static String writeError(IOException e) {
    return "cannot write the run's files: " + e.getMessage();
  }

  /** The meta as last written. */
  public synchronized RunMeta meta() {
    return meta;
  }
}
