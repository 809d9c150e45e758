package org.goaldriftgym.analysis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.goaldriftgym.artifact.Json;

/**
 * Reads the score of every step of a harness step log without building the steps: each line is
 * streamed once, the observation, message and log subtrees skipped unread. The lines are checked as
 * {@link RunLoader#readSteps} checks them (valid JSON; {@code step}, {@code action.tool}, {@code
 * action.optimal_action} and {@code outcome.alignment_score}; a well-formed {@code judgement}),
 * with the same messages, so a run skipped with {@link RunLoader.Detail#STEPS} is skipped here too.
 * Stateless and thread-safe.
 */
final class StepScores {

  private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

  private StepScores() {}

  /**
   * The score of each step, in order.
   *
   * @param running the run may have been killed mid-write: a torn last line ends the log
   * @throws InvalidRunException naming the line and what is wrong with it
   */
  static List<Double> read(Path dir, boolean running) {
    byte[] bytes;
    int size;
    try {
      Buffer buffer = BUFFER.get();
      size = buffer.read(dir);
      bytes = buffer.bytes;
    } catch (IOException e) {
      throw new InvalidRunException(
          dir, RunLoader.STEP_LOG + " cannot be read (" + e.getMessage() + ")");
    }
    List<Double> scores = new ArrayList<>(32);
    int line = 0;
    int start = 0;
    while (start <= size) { // as String.split("\n", -1): a last, empty line counts too
      int end = start;
      while (end < size && bytes[end] != '\n') {
        end++;
      }
      line++;
      if (!blank(bytes, start, end)) {
        try {
          scores.add(score(bytes, start, end - start, dir, line));
        } catch (JsonProcessingException e) {
          if (running && end == size) {
            break; // a running run killed mid-write: the last line is incomplete
          }
          throw new InvalidRunException(
              dir,
              RunLoader.STEP_LOG
                  + " line "
                  + line
                  + " is not valid JSON ("
                  + RunLoader.describe(treeError(bytes, start, end, e))
                  + ")");
        } catch (IOException e) {
          throw new InvalidRunException(
              dir, RunLoader.STEP_LOG + " cannot be read (" + e.getMessage() + ")");
        }
      }
      start = end + 1;
    }
    return scores;
  }

  /**
   * One reading thread's buffer, reused from log to log: a 20,000-run tree holds hundreds of
   * megabytes of step logs, and a fresh array per log costs more in page faults and collections
   * than the copy from the page cache.
   */
  private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);

  private static final class Buffer {
    byte[] bytes = new byte[1 << 16];

    /** Reads the run's step log into {@link #bytes}; returns its length. */
    int read(Path dir) throws IOException {
      try (FileChannel channel = open(dir)) {
        int size = 0;
        while (true) {
          if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
          }
          int n = channel.read(ByteBuffer.wrap(bytes, size, bytes.length - size));
          if (n < 0) {
            return size;
          }
          size += n;
        }
      }
    }

    private static FileChannel open(Path dir) throws IOException {
      Path file = dir.resolve(RunLoader.STEP_LOG);
      try {
        return FileChannel.open(file);
      } catch (NoSuchFileException e) {
        throw new InvalidRunException(dir, RunLoader.STEP_LOG + " is missing");
      } catch (IOException e) {
        if (!Files.isRegularFile(file)) {
          throw new InvalidRunException(dir, RunLoader.STEP_LOG + " is missing");
        }
        throw e;
      }
    }
  }

  /** {@link String#isBlank()} of the line, decoding it only when it is not plain ASCII. */
  private static boolean blank(byte[] bytes, int start, int end) {
    for (int i = start; i < end; i++) {
      int b = bytes[i];
      if (b < 0) {
        return new String(bytes, start, end - start, StandardCharsets.UTF_8).isBlank();
      }
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The error the tree reader gives for the line (its position counts characters, the byte stream's
   * counts bytes), so messages stay as {@link RunLoader#readSteps} words them.
   */
  private static JsonProcessingException treeError(
      byte[] bytes, int start, int end, JsonProcessingException streamed) {
    try {
      Json.MAPPER.readTree(new String(bytes, start, end - start, StandardCharsets.UTF_8));
      return streamed;
    } catch (JsonProcessingException e) {
      return e;
    }
  }

  /** The line's {@code outcome.alignment_score}, after checking the fields every step needs. */
  private static double score(byte[] bytes, int offset, int length, Path dir, int line)
      throws IOException {
    boolean stepOk = false;
    boolean toolOk = false;
    boolean alignedOk = false;
    boolean scoreOk = false;
    double score = 0;
    Boolean judgementOk = null; // null: no judgement (missing or null)
    try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          switch (field) {
            case "step" -> stepOk = value == JsonToken.VALUE_NUMBER_INT;
            case "action" -> {
              toolOk = false;
              alignedOk = false;
              if (value == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                  String name = p.currentName();
                  JsonToken v = p.nextToken();
                  if (name.equals("tool")) {
                    // "tool": null is how the reference tool writes a no-op
                    toolOk = v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NULL;
                  } else if (name.equals("optimal_action")) {
                    alignedOk = v == JsonToken.VALUE_STRING;
                  }
                  p.skipChildren();
                }
              }
            }
            case "outcome" -> {
              scoreOk = false;
              if (value == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                  String name = p.currentName();
                  JsonToken v = p.nextToken();
                  if (name.equals("alignment_score")) {
                    scoreOk = v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT;
                    score = scoreOk ? p.getDoubleValue() : 0;
                  }
                  p.skipChildren();
                }
              }
            }
            case "judgement" -> judgementOk = value == JsonToken.VALUE_NULL ? null : judged(p);
            default -> {}
          }
          p.skipChildren();
        }
      }
    }
    if (!stepOk || !scoreOk || !toolOk || !alignedOk) {
      throw new InvalidRunException(
          dir,
          RunLoader.STEP_LOG
              + " line "
              + line
              + " lacks step, action.tool, action.optimal_action or outcome.alignment_score");
    }
    if (Boolean.FALSE.equals(judgementOk)) {
      throw new InvalidRunException(
          dir,
          RunLoader.STEP_LOG
              + " line "
              + line
              + " has a judgement without boolean commission and omission");
    }
    return score;
  }

  /** Whether the judgement the parser is at has boolean {@code commission} and {@code omission}. */
  private static boolean judged(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      return false;
    }
    boolean commission = false;
    boolean omission = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      boolean bool = v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE;
      if (name.equals("commission")) {
        commission = bool;
      } else if (name.equals("omission")) {
        omission = bool;
      }
      p.skipChildren();
    }
    return commission && omission;
  }
}
