package org.goaldriftgym.agent;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import okhttp3.OkHttpClient;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.scenario.ScenarioSpec;

/**
 * Builds {@link LlmAgent}s with what they take from the process: the secret lookup, the HTTP client
 * (created on first use only, so runs of built-in policies never load it), the sleeper and jitter
 * of the retry loop, clocks, and the record/replay cache. Tests pass a fake environment, an {@link
 * OkHttpClient} aimed at MockWebServer and a sleeper that does not sleep. Thread-safe.
 */
public final class AgentFactory {

  private final Function<String, String> secrets;
  private final OkHttpClient http;
  private final OpenAiCompatibleClient.Sleeper sleeper;
  private final DoubleSupplier jitter;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final ReplyCache cache;
  private final RequestLimiter limiter;
  private OkHttpClient sharedHttp;

  private AgentFactory(Builder builder) {
    this.secrets = Objects.requireNonNull(builder.secrets, "secrets");
    this.http = builder.http;
    this.sleeper = Objects.requireNonNull(builder.sleeper, "sleeper");
    this.jitter = Objects.requireNonNull(builder.jitter, "jitter");
    this.clock = Objects.requireNonNull(builder.clock, "clock");
    this.nanoTime = Objects.requireNonNull(builder.nanoTime, "nanoTime");
    this.cache = Objects.requireNonNull(builder.cache, "cache");
    this.limiter = Objects.requireNonNull(builder.limiter, "limiter");
  }

  /**
   * The process's factory: keys from the environment or {@code .env} in {@code workingDirectory},
   * real sleeping, random jitter, no cache.
   */
  public static AgentFactory system(Path workingDirectory) {
    return builder().secrets(ApiKeys.system(workingDirectory)).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.secrets = secrets;
    builder.http = http;
    builder.sleeper = sleeper;
    builder.jitter = jitter;
    builder.clock = clock;
    builder.nanoTime = nanoTime;
    builder.cache = cache;
    builder.limiter = limiter;
    return builder;
  }

  /**
   * The same factory with every agent's requests sharing one cap on requests in flight, which backs
   * off when the endpoint rate-limits (a sweep's {@code --max-concurrency}).
   */
  public AgentFactory withMaxConcurrency(int maxConcurrency) {
    return toBuilder().limiter(new RequestLimiter(maxConcurrency)).build();
  }

  /** The same factory with another cache. */
  public AgentFactory withCache(ReplyCache value) {
    return toBuilder().cache(value).build();
  }

  public ReplyCache cache() {
    return cache;
  }

  /** How this factory's agents wait between retries (a sweep's {@code --retry} waits the same). */
  public OpenAiCompatibleClient.Sleeper sleeper() {
    return sleeper;
  }

  /**
   * Creates an agent for one run. Reads the key now, so a missing key fails before any file is
   * written; in replay mode no key is needed.
   *
   * @throws HarnessException of kind AGENT when the endpoint needs a key and none is set; the
   *     message names the variable and says that {@code .env} is read
   */
  public LlmAgent create(AgentOptions options, ScenarioSpec spec, int maxSteps) {
    return create(options, spec, maxSteps, null);
  }

  /**
   * As {@link #create(AgentOptions, ScenarioSpec, int)} for the episode with this seed, which keys
   * its cache entries (so episodes never share recorded samples).
   */
  public LlmAgent create(AgentOptions options, ScenarioSpec spec, int maxSteps, Long episodeSeed) {
    return create(options, spec, maxSteps, episodeSeed, null);
  }

  /**
   * As {@link #create(AgentOptions, ScenarioSpec, int, Long)} for one epoch of several: the epoch
   * keys the cache entries too, so recorded epochs replay distinctly.
   */
  public LlmAgent create(
      AgentOptions options, ScenarioSpec spec, int maxSteps, Long episodeSeed, Integer epoch) {
    ReplySource judge =
        options.judgeModel() == null
            ? null
            : replies(options, episodeSeed, epoch, JUDGE_ROLE, "--agent-param");
    return new LlmAgent(
        options,
        spec,
        maxSteps,
        replies(options, episodeSeed, epoch, null, "--agent-param"),
        judge);
  }

  /**
   * Creates the adversary agent of one run (the episode's seed keys its cache entries, under the
   * role {@code adversary}). Reads the key now, as {@link #create} does.
   *
   * @throws HarnessException of kind AGENT when the endpoint needs a key and none is set
   */
  public AdversaryAgent createAdversary(AgentOptions options, int maxSteps, Long episodeSeed) {
    return createAdversary(options, maxSteps, episodeSeed, null);
  }

  /** As {@link #createAdversary(AgentOptions, int, Long)} for one epoch of several. */
  public AdversaryAgent createAdversary(
      AgentOptions options, int maxSteps, Long episodeSeed, Integer epoch) {
    return new AdversaryAgent(
        options,
        maxSteps,
        replies(options, episodeSeed, epoch, AdversaryAgent.ROLE, "--adversary-agent-param"));
  }

  /** The cache role of the goal probe's judge. */
  static final String JUDGE_ROLE = LlmAgent.JUDGE_ROLE;

  private ReplySource replies(
      AgentOptions options, Long episodeSeed, Integer epoch, String role, String flag) {
    String key = null;
    if (options.requiresKey() && cache.mode() != ReplyCache.Mode.REPLAY) {
      key = secrets.apply(options.apiKeyEnv());
      if (key == null || key.isBlank()) {
        throw new HarnessException(
            HarnessException.Kind.AGENT,
            missingKey(options, role == null ? "agent" : role + " agent", flag));
      }
    }
    String apiKey = key;
    OpenAiCompatibleClient.Timing timing =
        new OpenAiCompatibleClient.Timing(sleeper, jitter, clock, nanoTime, limiter);
    return new ReplySource(
        options.baseUrl(),
        cache,
        () -> new OpenAiCompatibleClient(httpFor(options), options, apiKey, timing),
        nanoTime,
        episodeSeed,
        epoch,
        role);
  }

  static String missingKey(AgentOptions options) {
    return missingKey(options, "agent", "--agent-param");
  }

  private static String missingKey(AgentOptions options, String who, String flag) {
    return "no API key for "
        + who
        + " "
        + options.type().wireName()
        + ": set "
        + options.apiKeyEnv()
        + " in the environment or in a .env file in the working directory (.env is read; see"
        + " .env.example)"
        + (options.type() == AgentType.OPENROUTER
            ? ", or name another variable with " + flag + " api_key_env=NAME"
            : "");
  }

  private OkHttpClient httpFor(AgentOptions options) {
    return base()
        .newBuilder()
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        .writeTimeout(options.readTimeout())
        .callTimeout(options.callTimeout())
        .build();
  }

  private synchronized OkHttpClient base() {
    if (sharedHttp == null) {
      sharedHttp = http != null ? http : new OkHttpClient();
    }
    return sharedHttp;
  }

  /** Builds an {@link AgentFactory}. Not thread-safe. */
  public static final class Builder {
    private Function<String, String> secrets = name -> null;
    private OkHttpClient http;
    private OpenAiCompatibleClient.Sleeper sleeper = OpenAiCompatibleClient.Sleeper.system();
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    private Clock clock = Clock.systemUTC();
    private LongSupplier nanoTime = System::nanoTime;
    private ReplyCache cache = ReplyCache.off();
    private RequestLimiter limiter = RequestLimiter.unlimited();

    private Builder() {}

    /** Looks up a secret by variable name ({@code null} when unset). */
    public Builder secrets(Function<String, String> value) {
      secrets = value;
      return this;
    }

    /** The base HTTP client; the agent's timeouts are applied to a derived client. */
    public Builder http(OkHttpClient value) {
      http = value;
      return this;
    }

    public Builder sleeper(OpenAiCompatibleClient.Sleeper value) {
      sleeper = value;
      return this;
    }

    /** Values in [0, 1) that spread backoff delays. */
    public Builder jitter(DoubleSupplier value) {
      jitter = value;
      return this;
    }

    public Builder clock(Clock value) {
      clock = value;
      return this;
    }

    public Builder nanoTime(LongSupplier value) {
      nanoTime = value;
      return this;
    }

    public Builder limiter(RequestLimiter value) {
      limiter = value;
      return this;
    }

    public Builder cache(ReplyCache value) {
      cache = value;
      return this;
    }

    public AgentFactory build() {
      return new AgentFactory(this);
    }
  }
}
