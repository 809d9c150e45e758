package org.goaldriftgym.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.goaldriftgym.agent.ReplyCache;
import org.goaldriftgym.core.HarnessException;
import picocli.CommandLine.Option;

/** {@code --cache DIR} and {@code --cache-mode MODE}: the record/replay cache of agent replies. */
final class ReplyCacheMixin {

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description =
          "Record and replay agent replies in DIR (one JSON file per reply; commit it to re-run"
              + " offline).")
  Path cache;

  @Option(
      names = "--cache-mode",
      paramLabel = "MODE",
      description =
          "off, read-write (default with --cache: serve recorded replies, record new ones) or"
              + " replay (recorded replies only, never the network; a miss fails).")
  String cacheMode;

  /**
   * The cache the flags ask for.
   *
   * @param hasAgent whether any run this command makes has an LLM agent
   * @throws HarnessException (usage) for a bad mode, a mode without a directory, a cache for runs
   *     without an agent, or replay from a directory that does not exist
   */
  ReplyCache replyCache(boolean hasAgent) {
    return replyCache(hasAgent, ReplyCache.Mode.READ_WRITE);
  }

  /** As {@link #replyCache(boolean)}, with the mode {@code --cache} alone implies. */
  ReplyCache replyCache(boolean hasAgent, ReplyCache.Mode withCache) {
    ReplyCache.Mode mode;
    try {
      mode =
          cacheMode != null
              ? ReplyCache.Mode.parse(cacheMode)
              : cache != null ? withCache : ReplyCache.Mode.OFF;
    } catch (IllegalArgumentException e) {
      throw HarnessException.usage("--cache-mode: " + e.getMessage());
    }
    if (mode == ReplyCache.Mode.OFF) {
      return ReplyCache.off();
    }
    if (cache == null) {
      throw HarnessException.usage(
          "--cache-mode " + mode.wireName() + " needs --cache DIR (where replies are recorded)");
    }
    if (!hasAgent) {
      throw HarnessException.usage(
          "--cache records LLM agent replies; these runs have no agent (pass --agent and --model)");
    }
    if (mode == ReplyCache.Mode.REPLAY && !Files.isDirectory(cache)) {
      throw HarnessException.usage(
          "--cache-mode replay needs a recorded cache, but "
              + cache
              + " is not a directory; record one first with --cache-mode read-write");
    }
    return ReplyCache.of(cache, mode);
  }
}
