package org.goaldriftgym.agent;

import static org.goaldriftgym.agent.FakeModel.call;
import static org.goaldriftgym.agent.FakeModel.ok;
import static org.goaldriftgym.agent.FakeModel.reply;
import static org.goaldriftgym.agent.FakeModel.toolCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.RunConfig.AgentSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against MockWebServer on loopback: wire format, retries, fatal errors, faults. */
class OpenAiCompatibleClientTest {

  private static final String KEY = "sk-or-v1-TESTKEY-7f3a9c";
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  private MockWebServer server;
  private final List<Duration> sleeps = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = LoopbackHttp.server();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private AgentOptions options(String baseUrl, Map<String, Object> extra) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("model", "openai/gpt-4o");
    params.put("base_url", baseUrl);
    params.putAll(extra);
    return AgentOptions.of(new AgentSettings("openrouter", params));
  }

  private AgentOptions options(Map<String, Object> extra) {
    return options(server.url("/api/v1").toString(), extra);
  }

  private OpenAiCompatibleClient client(AgentOptions options, String key) {
    return client(options, key, LoopbackHttp.client());
  }

  private OpenAiCompatibleClient client(AgentOptions options, String key, OkHttpClient http) {
    OkHttpClient timed =
        http.newBuilder()
            .connectTimeout(options.connectTimeout())
            .readTimeout(options.readTimeout())
            .callTimeout(options.callTimeout())
            .build();
    return new OpenAiCompatibleClient(
        timed,
        options,
        key,
        new OpenAiCompatibleClient.Timing(
            sleeps::add, () -> 0.5, Clock.fixed(NOW, ZoneOffset.UTC), System::nanoTime));
  }

  private static ObjectNode body() {
    ObjectNode body = FakeModel.JSON.createObjectNode();
    body.put("model", "openai/gpt-4o");
    body.putArray("messages").addObject().put("role", "user").put("content", "hi");
    return body;
  }

  private static MockResponse good() {
    return ok(reply(toolCalls(call("c1", "deploy", "{}")), FakeModel.usage(10, 0.001)));
  }

  @Test
  void headersCarryTheKeyAndAttributionOnlyWhenGiven() throws Exception {
    server.enqueue(good());
    server.enqueue(good());
    AgentOptions options = options(Map.of("http_referer", "https://x.org", "x_title", "gdg"));
    client(options, KEY).send(body());
    RecordedRequest first = server.takeRequest();
    assertEquals("POST", first.getMethod());
    assertEquals("/api/v1/chat/completions", first.getUrl().encodedPath());
    assertEquals("Bearer " + KEY, first.getHeaders().get("Authorization"));
    assertEquals("https://x.org", first.getHeaders().get("HTTP-Referer"));
    assertEquals("gdg", first.getHeaders().get("X-Title"));
    assertTrue(first.getHeaders().get("Content-Type").startsWith("application/json"));
    assertEquals(body(), FakeModel.JSON.readTree(first.getBody().utf8()));

    client(options(Map.of()), null).send(body());
    RecordedRequest second = server.takeRequest();
    assertNull(second.getHeaders().get("Authorization"));
    assertNull(second.getHeaders().get("X-Title"));
  }

  @Test
  void retriesTheRetryableFailuresAndHonoursRetryAfter() throws Exception {
    server.enqueue(
        FakeModel.error(429, "rate limited").newBuilder().setHeader("Retry-After", "7").build());
    server.enqueue(FakeModel.error(503, "no provider"));
    server.enqueue(FakeModel.status(200, "{\"choices\": [{\"message\": {\"ro"));
    server.enqueue(FakeModel.status(200, ""));
    server.enqueue(FakeModel.status(200, "{\"id\":\"x\",\"choices\":[]}"));
    server.enqueue(
        FakeModel.status(
            200,
            "{\"choices\":[{\"finish_reason\":\"error\",\"error\":{\"code\":502,\"message\":"
                + "\"upstream died\"},\"message\":{\"role\":\"assistant\",\"content\":\"\"}}]}"));
    server.enqueue(
        FakeModel.error(502, "bad gateway")
            .newBuilder()
            .setHeader("Retry-After", "Wed, 01 Jan 2025 00:00:03 GMT")
            .build());
    server.enqueue(good());
    OpenAiCompatibleClient.Exchange exchange =
        client(options(Map.of("max_retries", 10)), KEY).send(body());
    assertEquals(8, exchange.requests());
    assertEquals(7, exchange.retries());
    assertEquals("deploy", exchange.reply().toolCalls().get(0).name());
    assertEquals(8, server.getRequestCount());
    assertEquals(Duration.ofSeconds(7), sleeps.get(0)); // Retry-After in seconds
    // exponential backoff with jitter 0.5: base/2 + 0.5 * base/2
    assertEquals(Duration.ofMillis(1500), sleeps.get(1));
    assertEquals(Duration.ofMillis(3000), sleeps.get(2));
    assertEquals(Duration.ofMillis(6000), sleeps.get(3));
    assertEquals(Duration.ofSeconds(3), sleeps.get(6)); // Retry-After as an HTTP date
  }

  @Test
  void fatalStatusesStopAtOnceWithAdvice() throws Exception {
    Map<Integer, String> advice =
        Map.of(
            400, "check the model name and the agent params",
            401, "check the key in OPENROUTER_API_KEY",
            402, "add credits",
            403, "moderated",
            404, "check base_url");
    int requests = 0;
    for (Map.Entry<Integer, String> entry : advice.entrySet()) {
      // the server echoes the key: the message must not
      server.enqueue(FakeModel.error(entry.getKey(), "bad thing with key " + KEY));
      HarnessException e =
          assertThrows(HarnessException.class, () -> client(options(Map.of()), KEY).send(body()));
      requests++;
      assertEquals(HarnessException.Kind.AGENT, e.kind());
      assertTrue(e.getMessage().contains(entry.getValue()), e.getMessage());
      assertTrue(e.getMessage().contains("HTTP " + entry.getKey()), e.getMessage());
      assertFalse(e.getMessage().contains(KEY), e.getMessage());
      assertEquals(requests, server.getRequestCount(), "no retry on " + entry.getKey());
    }
    assertTrue(sleeps.isEmpty());
  }

  @Test
  void givesUpAfterMaxRetriesWithTheLastError() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(FakeModel.error(503, "no provider " + i));
    }
    HarnessException e =
        assertThrows(
            HarnessException.class,
            () -> client(options(Map.of("max_retries", 2)), KEY).send(body()));
    assertTrue(e.getMessage().startsWith("gave up after 3 requests"), e.getMessage());
    assertTrue(e.getMessage().contains("no provider 2"), e.getMessage());
    assertTrue(e.getMessage().contains("max_retries"), e.getMessage());
    assertEquals(2, sleeps.size());
  }

  @Test
  void aSlowServerTimesOut() {
    server.enqueue(good().newBuilder().bodyDelay(2, TimeUnit.SECONDS).build());
    HarnessException e =
        assertThrows(
            HarnessException.class,
            () ->
                client(options(Map.of("read_timeout_s", 0.2, "max_retries", 0)), KEY).send(body()));
    assertTrue(
        e.getMessage().contains("no reply within read_timeout_s=0.200 s")
            || e.getMessage().contains("connection broke"),
        e.getMessage());
  }

  @Test
  void aSlowServerPassesTheCallTimeoutToo() {
    server.enqueue(good().newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
    HarnessException e =
        assertThrows(
            HarnessException.class,
            () ->
                client(options(Map.of("call_timeout_s", 0.2, "max_retries", 0)), KEY).send(body()));
    assertTrue(e.getMessage().contains("call_timeout_s=0.200 s"), e.getMessage());
  }

  @Test
  void anUnreachableEndpointIsRetriedThenReported() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    HarnessException e =
        assertThrows(
            HarnessException.class,
            () ->
                client(options("http://127.0.0.1:" + port + "/v1", Map.of("max_retries", 2)), KEY)
                    .send(body()));
    assertTrue(e.getMessage().contains("cannot connect to 127.0.0.1:" + port), e.getMessage());
    assertTrue(e.getMessage().contains("is the server running"), e.getMessage());
    assertEquals(2, sleeps.size());
  }

  @Test
  void tlsToAPlainServerFailsAtOnce() throws Exception {
    // A plain-HTTP peer on loopback that answers the TLS ClientHello with an HTTP error and
    // closes: the handshake fails at once, with no retry (a bounded read timeout guards the test).
    try (ServerSocket plain = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Thread peer =
          new Thread(
              () -> {
                try (java.net.Socket socket = plain.accept()) {
                  socket.getInputStream().read(new byte[512]);
                  socket
                      .getOutputStream()
                      .write(
                          "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                  // the client hung up first
                }
              });
      peer.setDaemon(true);
      peer.start();
      String https = "https://127.0.0.1:" + plain.getLocalPort() + "/v1";
      HarnessException e =
          assertThrows(
              HarnessException.class,
              () ->
                  client(options(https, Map.of("read_timeout_s", 5, "call_timeout_s", 10)), KEY)
                      .send(body()));
      assertTrue(e.getMessage().contains("TLS handshake with 127.0.0.1"), e.getMessage());
      assertTrue(sleeps.isEmpty());
      peer.join(5000);
    }
  }

  @Test
  void dnsFailureFailsAtOnce() {
    OkHttpClient noDns =
        new OkHttpClient.Builder()
            .dns(
                host -> {
                  throw new UnknownHostException("no such host " + host);
                })
            .build();
    HarnessException e =
        assertThrows(
            HarnessException.class,
            () ->
                client(options("https://api.example.invalid/v1", Map.of()), KEY, noDns)
                    .send(body()));
    assertTrue(
        e.getMessage().contains("cannot resolve host 'api.example.invalid'"), e.getMessage());
    assertTrue(sleeps.isEmpty());
  }

  @Test
  void retryAfterParsing() {
    OpenAiCompatibleClient client = client(options(Map.of()), KEY);
    assertEquals(Duration.ofSeconds(12), client.retryAfter("12"));
    assertEquals(Duration.ZERO, client.retryAfter("-3"));
    assertEquals(Duration.ofSeconds(60), client.retryAfter("Wed, 01 Jan 2025 00:01:00 GMT"));
    assertEquals(Duration.ZERO, client.retryAfter("Tue, 31 Dec 2024 23:00:00 GMT"));
    assertNull(client.retryAfter("soon"));
    assertEquals(Duration.ofMinutes(10), client.delay(0, Duration.ofHours(2)));
    assertEquals(Duration.ofSeconds(45), client.delay(10, null)); // capped at 60 s, jitter 0.5
  }

  @Test
  void theRequestJsonIsTheWireBody() throws Exception {
    JsonNode sent = body();
    server.enqueue(good());
    client(options(Map.of()), KEY).send((ObjectNode) sent);
    assertEquals(sent, FakeModel.JSON.readTree(server.takeRequest().getBody().utf8()));
  }
}
