package org.goaldriftgym.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.core.HarnessException;

/**
 * POSTs chat-completions requests to one endpoint and returns usable replies. Retries with
 * exponential backoff and jitter, honouring {@code Retry-After}, on 408/429/500/502/503/504,
 * network errors, timeouts, 200 replies that carry an error, and empty, choice-less or unreadable
 * 200 bodies. Stops at once on 400/401/402/403 (and any other client error, TLS or DNS failure)
 * with a message that says what to do. The API key goes only into the {@code Authorization} header;
 * every message is scrubbed of it. Thread-safe if the call factory is.
 */
public final class OpenAiCompatibleClient {

  private static final MediaType JSON = MediaType.get("application/json");
  private static final Duration BASE_DELAY = Duration.ofSeconds(1);
  private static final Duration MAX_DELAY = Duration.ofSeconds(60);
  private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

  /** Waits between attempts; tests pass one that does not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps on the current thread. */
    static Sleeper system() {
      return duration -> Thread.sleep(duration.toMillis());
    }
  }

  /**
   * Where time and randomness come from.
   *
   * @param jitter values in [0, 1) that spread backoff delays
   * @param clock reads {@code Retry-After} dates
   * @param nanoTime measures latency
   */
  public record Timing(
      Sleeper sleeper,
      DoubleSupplier jitter,
      Clock clock,
      LongSupplier nanoTime,
      RequestLimiter limiter) {
    /** Timing without a concurrency cap. */
    public Timing(Sleeper sleeper, DoubleSupplier jitter, Clock clock, LongSupplier nanoTime) {
      this(sleeper, jitter, clock, nanoTime, RequestLimiter.unlimited());
    }

    public Timing {
      Objects.requireNonNull(sleeper, "sleeper");
      Objects.requireNonNull(jitter, "jitter");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(nanoTime, "nanoTime");
      Objects.requireNonNull(limiter, "limiter");
    }
  }

  /**
   * A usable reply and what it took to get it.
   *
   * @param body the raw response body
   * @param requests HTTP requests sent, retries included
   * @param latencyMillis time from the first request to the usable reply, backoff included
   */
  public record Exchange(
      String body, ChatReply reply, int requests, int retries, long latencyMillis) {}

  /** What one attempt gave. */
  private sealed interface Attempt {
    record Success(String body, ChatReply reply) implements Attempt {}

    record Retry(String problem, Duration retryAfter, boolean rateLimited) implements Attempt {
      Retry(String problem, Duration retryAfter) {
        this(problem, retryAfter, false);
      }
    }

    record Fatal(String problem) implements Attempt {}
  }

  private final Call.Factory http;
  private final HttpUrl endpoint;
  private final String apiKey;
  private final String keyVariable;
  private final String referer;
  private final String title;
  private final int maxRetries;
  private final Timing timing;
  private final String readTimeout;
  private final String callTimeout;

  /**
   * @param http the HTTP client, with the options' timeouts set
   * @param options endpoint, attribution headers, {@code max_retries} and the key's variable name
   * @param apiKey the key sent as a bearer token, or {@code null} to send none
   */
  public OpenAiCompatibleClient(
      Call.Factory http, AgentOptions options, String apiKey, Timing timing) {
    this.http = Objects.requireNonNull(http, "http");
    HttpUrl url = HttpUrl.parse(options.endpoint());
    if (url == null) {
      throw new HarnessException(
          HarnessException.Kind.AGENT,
          "base_url " + options.baseUrl() + " is not a valid http(s) URL");
    }
    this.endpoint = url;
    this.apiKey = apiKey == null || apiKey.isEmpty() ? null : apiKey;
    this.keyVariable = options.apiKeyEnv();
    this.referer = options.httpReferer();
    this.title = options.xTitle();
    this.maxRetries = options.maxRetries();
    this.timing = Objects.requireNonNull(timing, "timing");
    this.readTimeout = seconds(options.readTimeout());
    this.callTimeout = seconds(options.callTimeout());
  }

  /**
   * Sends the request until a usable reply arrives.
   *
   * @throws HarnessException of kind AGENT when the endpoint refuses the request or keeps failing
   *     after {@code max_retries} retries; the message says what to do
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  public Exchange send(ObjectNode body) throws InterruptedException {
    String text = Json.compact(body);
    long start = timing.nanoTime().getAsLong();
    int requests = 0;
    while (true) {
      requests++;
      timing.limiter().acquire();
      Attempt attempt = null;
      try {
        attempt = attempt(text);
      } finally {
        timing.limiter().release(attempt instanceof Attempt.Retry r && r.rateLimited());
      }
      if (attempt instanceof Attempt.Success success) {
        long millis = (timing.nanoTime().getAsLong() - start) / 1_000_000;
        return new Exchange(success.body(), success.reply(), requests, requests - 1, millis);
      }
      if (attempt instanceof Attempt.Fatal fatal) {
        throw new HarnessException(HarnessException.Kind.AGENT, scrub(fatal.problem()));
      }
      Attempt.Retry retry = (Attempt.Retry) attempt;
      if (requests > maxRetries) {
        throw new HarnessException(
            HarnessException.Kind.AGENT,
            scrub(
                "gave up after "
                    + requests
                    + (requests == 1 ? " request" : " requests")
                    + " to "
                    + endpoint
                    + ": "
                    + retry.problem()
                    + "; the endpoint kept failing: try again later, raise --agent-param"
                    + " max_retries (now "
                    + maxRetries
                    + "), or check the provider's status"));
      }
      timing.sleeper().sleep(delay(requests - 1, retry.retryAfter()));
    }
  }

  private Attempt attempt(String text) throws InterruptedException {
    Request.Builder request =
        new Request.Builder()
            .url(endpoint)
            .header("Accept", "application/json")
            .post(RequestBody.create(text, JSON));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    if (referer != null) {
      request.header("HTTP-Referer", referer);
    }
    if (title != null) {
      request.header("X-Title", title);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      String body;
      try {
        body = response.body().string();
      } catch (IOException e) {
        checkInterrupted();
        return new Attempt.Retry(
            "the connection broke while reading the reply (" + describe(e) + ")", null);
      }
      return classify(response, body);
    } catch (SSLException e) {
      return new Attempt.Fatal(
          "TLS handshake with "
              + endpoint.host()
              + ":"
              + endpoint.port()
              + " failed ("
              + describe(e)
              + "); check base_url (http:// or https://?) and that the server's certificate is"
              + " trusted");
    } catch (UnknownHostException e) {
      return new Attempt.Fatal(
          "cannot resolve host '"
              + endpoint.host()
              + "' (DNS); check base_url ("
              + endpoint
              + ") and the network");
    } catch (ConnectException e) {
      checkInterrupted();
      return new Attempt.Retry(
          "cannot connect to "
              + endpoint.host()
              + ":"
              + endpoint.port()
              + " ("
              + describe(e)
              + "); is the server running and is base_url right?",
          null);
    } catch (SocketTimeoutException e) {
      checkInterrupted();
      return new Attempt.Retry(
          "no reply within read_timeout_s=" + readTimeout + " (" + describe(e) + ")", null);
    } catch (InterruptedIOException e) {
      checkInterrupted();
      return new Attempt.Retry(
          "the request took longer than call_timeout_s=" + callTimeout + " (" + describe(e) + ")",
          null);
    } catch (IOException e) {
      checkInterrupted();
      return new Attempt.Retry("network error: " + describe(e), null);
    }
  }

  private Attempt classify(Response response, String body) {
    int code = response.code();
    if (code >= 200 && code < 300) {
      // a reply that echoes the key must not carry it into the step log, transcripts or cache
      body = scrub(body);
      try {
        return new Attempt.Success(body, ChatReply.parse(body));
      } catch (ChatReply.Unusable e) {
        return new Attempt.Retry(e.getMessage(), null);
      }
    }
    String detail = "HTTP " + code + ": " + errorDetail(body);
    return switch (code) {
      case 408, 429, 500, 502, 503, 504 ->
          new Attempt.Retry(
              detail, retryAfter(response.header("Retry-After")), code == 429 || code == 503);
      case 400 ->
          new Attempt.Fatal(
              "the endpoint rejected the request ("
                  + detail
                  + "); check the model name and the agent params (the model may not support"
                  + " tools, reasoning or a parameter)");
      case 401 ->
          new Attempt.Fatal(
              "the endpoint rejected the API key ("
                  + detail
                  + "); "
                  + (apiKey == null
                      ? "this endpoint needs a key: name its variable with --agent-param"
                          + " api_key_env=NAME and set it in the environment or in .env"
                      : "check the key in "
                          + keyVariable
                          + " (environment, or .env in the working directory)"));
      case 402 ->
          new Attempt.Fatal(
              "the account is out of credits ("
                  + detail
                  + "); add credits (for OpenRouter: https://openrouter.ai/settings/credits) or"
                  + " pick a cheaper model");
      case 403 ->
          new Attempt.Fatal(
              "the prompt was moderated ("
                  + detail
                  + "); the provider's moderation flagged the input: try another model or"
                  + " provider");
      case 404 ->
          new Attempt.Fatal(
              "no such endpoint or model ("
                  + detail
                  + "); check base_url (it should end in /v1 or /api/v1; now "
                  + endpoint
                  + ") and the model name");
      default -> new Attempt.Fatal("the endpoint refused the request (" + detail + ")");
    };
  }

  private static String errorDetail(String body) {
    JsonNode root = WireJson.parse(body);
    if (root != null && root.isObject() && root.has("error")) {
      return ChatReply.errorText(root);
    }
    return body.isBlank() ? "no body" : ChatReply.snippet(body);
  }

  /** The wait before retry number {@code retry} (from 0): Retry-After, else backoff with jitter. */
  Duration delay(int retry, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
    }
    long base = BASE_DELAY.toMillis() << Math.min(retry, 16);
    long capped = Math.min(base, MAX_DELAY.toMillis());
    double jitter = Math.min(Math.max(timing.jitter().getAsDouble(), 0), 1);
    return Duration.ofMillis(capped / 2 + Math.round(jitter * (capped / 2.0)));
  }

  /** A {@code Retry-After} value: delay seconds or an HTTP date; {@code null} when absent. */
  Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return Duration.ofSeconds(Math.max(0, seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration until = Duration.between(timing.clock().instant(), at.toInstant());
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static void checkInterrupted() throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted while waiting for the model");
    }
  }

  private String scrub(String text) {
    return apiKey == null || apiKey.length() < 4 ? text : text.replace(apiKey, "***");
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : String.format(java.util.Locale.ROOT, "%.3f s", duration.toMillis() / 1000.0);
  }
}
