package org.goaldriftgym.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.goaldriftgym.core.AgentTurn;
import org.goaldriftgym.core.HarnessException;

/**
 * Where replies come from: the record/replay cache first, then the endpoint (never in replay mode),
 * recording what the endpoint sent in read-write mode. The HTTP client is created on first use, so
 * a fully replayed run never builds one. Not thread-safe: one agent, one run.
 */
final class ReplySource {

  /** A usable reply and how it was obtained. */
  record Fetched(ChatReply reply, AgentTurn.Transport transport) {}

  private final String baseUrl;
  private final ReplyCache cache;
  private final Supplier<OpenAiCompatibleClient> clientFactory;
  private final LongSupplier nanoTime;
  private final Long episodeSeed;
  private final Integer epoch;
  private final String role;
  private OpenAiCompatibleClient client;

  /**
   * @param episodeSeed the run's seed, part of every cache key (never sent): the same prompt in two
   *     episodes is two samples, so one episode's recorded reply is never served to another
   */
  ReplySource(
      String baseUrl,
      ReplyCache cache,
      Supplier<OpenAiCompatibleClient> clientFactory,
      LongSupplier nanoTime,
      Long episodeSeed) {
    this(baseUrl, cache, clientFactory, nanoTime, episodeSeed, null, null);
  }

  /**
   * @param role the agent's role when it is not the decision-maker ({@code adversary}), part of
   *     every cache key; {@code null} for the decision-maker
   */
  ReplySource(
      String baseUrl,
      ReplyCache cache,
      Supplier<OpenAiCompatibleClient> clientFactory,
      LongSupplier nanoTime,
      Long episodeSeed,
      String role) {
    this(baseUrl, cache, clientFactory, nanoTime, episodeSeed, null, role);
  }

  /**
   * @param epoch the run's epoch when it is one of several repetitions of its seed, part of every
   *     cache key (so recorded epochs replay distinctly); {@code null} otherwise
   */
  ReplySource(
      String baseUrl,
      ReplyCache cache,
      Supplier<OpenAiCompatibleClient> clientFactory,
      LongSupplier nanoTime,
      Long episodeSeed,
      Integer epoch,
      String role) {
    this.episodeSeed = episodeSeed;
    this.epoch = epoch;
    this.role = role;
    this.baseUrl = baseUrl;
    this.cache = cache;
    this.clientFactory = clientFactory;
    this.nanoTime = nanoTime;
  }

  Fetched fetch(ObjectNode body, int step) throws InterruptedException {
    ObjectNode material = ReplyCache.material(baseUrl, episodeSeed, epoch, role, body);
    long start = nanoTime.getAsLong();
    Optional<String> cached = cache.lookup(material);
    if (cached.isPresent()) {
      ChatReply reply;
      try {
        reply = ChatReply.parse(cached.get());
      } catch (ChatReply.Unusable e) {
        throw new HarnessException(
            HarnessException.Kind.AGENT,
            "cache entry "
                + ReplyCache.key(material)
                + ".json in "
                + cache.dir()
                + " holds an unusable reply ("
                + e.getMessage()
                + "); delete it");
      }
      long millis = (nanoTime.getAsLong() - start) / 1_000_000;
      return new Fetched(reply, new AgentTurn.Transport(0, 0, millis, true));
    }
    if (cache.mode() == ReplyCache.Mode.REPLAY) {
      throw cache.miss(material, step);
    }
    if (client == null) {
      client = clientFactory.get();
    }
    OpenAiCompatibleClient.Exchange exchange = client.send(body);
    cache.store(material, exchange.body());
    return new Fetched(
        exchange.reply(),
        new AgentTurn.Transport(
            exchange.requests(), exchange.retries(), exchange.latencyMillis(), false));
  }
}
