package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The viewer's pages, loaded from {@code file://} in headless Chromium: what they show after their
 * scripts ran (the DOM dumped by {@code --dump-dom}), and that no script error or {@code
 * console.error} happened (the pages copy both into {@code #gdg-errors}; Chromium's log is scanned
 * for "Uncaught" as well). Without Chromium this test is skipped, except in CI ({@code CI=true})
 * where it fails: install it with {@code apt-get install chromium}.
 */
class ViewerBrowserTest {

  private static final Pattern ERRORS =
      Pattern.compile("<pre id=\"gdg-errors\"[^>]*>([^<]*)</pre>");

  private static Path chromium;
  private static Path broken;
  private static final Map<String, Future<Page>> pages = new ConcurrentHashMap<>();

  @BeforeAll
  static void findChromium() throws IOException {
    Optional<Path> found = Browser.find();
    if (found.isEmpty()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(
            "chromium is not installed; the viewer tests need it in CI (apt-get install -y"
                + " chromium; .ci/run installs it when missing)");
      }
      Assumptions.abort("chromium is not installed; skipping the browser tests of the viewer");
    }
    chromium = found.get();
    ViewCommandTest.makeRunsOnce();
    String drifting = ViewCommandTest.idOf(ViewCommandTest.drifting);
    String baseline = ViewCommandTest.idOf(ViewCommandTest.baseline);
    broken = Files.createTempDirectory("gdg-site-broken");
    Browser.copyTree(ViewCommandTest.site, broken);
    Files.writeString(broken.resolve("data/runs/" + baseline + ".js"), "gdgRun({\"id\": ");
    Path site = ViewCommandTest.site;
    // Chromium takes seconds to start on a busy machine: load every page at once
    ExecutorService pool = Executors.newFixedThreadPool(3);
    pages.put("index", pool.submit(() -> load(site.resolve("index.html"), "")));
    pages.put("run", pool.submit(() -> load(site.resolve("run.html"), "#id=" + drifting)));
    pages.put(
        "agent",
        pool.submit(
            () ->
                load(
                    site.resolve("run.html"),
                    "#id=" + ViewCommandTest.idOf(ViewCommandTest.agentRun))));
    pages.put(
        "compare",
        pool.submit(() -> load(site.resolve("compare.html"), "#a=" + drifting + "&b=" + baseline)));
    pages.put("broken", pool.submit(() -> load(broken.resolve("run.html"), "#id=" + baseline)));
    pages.put("unknown", pool.submit(() -> load(site.resolve("run.html"), "#id=no.such.run")));
    pages.put("climbing", pool.submit(() -> load(site.resolve("run.html"), "#id=../../etc")));
    pool.shutdown();
  }

  @AfterAll
  static void deleteCopy() {
    if (broken != null) {
      Browser.deleteTree(broken);
    }
  }

  private static Page page(String name) throws Exception {
    return pages.get(name).get(60, TimeUnit.SECONDS);
  }

  /** The page's DOM after its scripts ran, and Chromium's log. */
  record Page(String dom, String log) {

    String errors() {
      Matcher m = ERRORS.matcher(dom);
      assertTrue(m.find(), "the page has no #gdg-errors element");
      return m.group(1);
    }

    /** Asserts the page finished drawing without any script error. */
    Page clean() {
      assertTrue(dom.contains("data-ready=\"true\""), "the page did not finish: " + tail());
      assertEquals("", errors(), "script errors on the page");
      assertFalse(log.contains("Uncaught"), log);
      return this;
    }

    int count(String text) {
      int n = 0;
      for (int at = dom.indexOf(text); at >= 0; at = dom.indexOf(text, at + text.length())) {
        n++;
      }
      return n;
    }

    String tail() {
      return dom.length() > 2000 ? dom.substring(dom.length() - 2000) : dom;
    }
  }

  static Page load(Path file, String fragment) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("gdg-chromium");
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  chromium.toString(),
                  "--headless=new",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--no-first-run",
                  "--user-data-dir=" + profile,
                  "--enable-logging=stderr",
                  "--virtual-time-budget=5000",
                  "--dump-dom",
                  file.toUri() + fragment));
      Path log = profile.resolve("chromium.log");
      Process process =
          new ProcessBuilder(command)
              .redirectError(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      byte[] dom = process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("chromium did not finish in 30 s on " + file);
      }
      return new Page(
          new String(dom, StandardCharsets.UTF_8), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Browser.deleteTree(profile);
    }
  }

  @Test
  void theIndexListsEveryRunAndTheGroups() throws Exception {
    Page page = page("index").clean();
    assertTrue(page.dom().contains("<span id=\"run-count\">4</span>"), page.tail());
    assertEquals(4, page.count("class=\"pick\""), "one row, with its picker, per run");
    // groups: release_manager baseline, drifting and the agent's model; trading drifting
    assertTrue(page.dom().contains("release_manager / policy-drifting"), page.tail());
    assertEquals(4, page.count("class=\"group-filter\""));
    assertTrue(page.count("<svg class=\"chart small\"") == 4, "one curve per group");
    // each group's time to crossing: the drifting groups cross (no run censored), the baseline's
    // single run never does
    assertEquals(4, page.count(" of 1 censored)"), page.tail());
    assertTrue(page.dom().contains("(0 of 1 censored)"), page.tail());
    assertTrue(page.dom().contains("not reached (1 of 1 censored)"), page.tail());
    assertTrue(page.dom().contains("<th>first_crossing_if_crossed</th>"), page.tail());
  }

  @Test
  void aRunPageShowsEveryStepItsCurveAndItsMessages() throws Exception {
    Page page = page("run").clean();
    List<JsonNode> log = Cli.readJsonl(ViewCommandTest.drifting.resolve("step_log.jsonl"));
    assertEquals(log.size(), page.count("<section class=\"step"), "one card per step");
    assertEquals(log.size(), page.count("<circle "), "one point per step on the curve");
    String message = log.get(1).at("/observation/message").asText();
    assertTrue(page.dom().contains(Browser.escape(message)), message);
    assertTrue(page.dom().contains("id=\"step-" + (log.size() - 1) + "\""));
  }

  @Test
  void anAgentsTurnIsShownAndItsMarkupStaysText() throws Exception {
    Page page = page("agent").clean();
    assertEquals(3, page.count("Agent turn"));
    assertTrue(page.dom().contains("&lt;img src=x onerror="), "the markup is shown as text");
    assertFalse(page.dom().contains("<img"), "and never becomes an element");
    assertEquals(0, page.count("<script>console"));
    assertTrue(page.dom().contains("tool call"), page.tail());
    assertTrue(page.dom().contains("cost 0.002000"), page.tail());
  }

  @Test
  void aComparisonHighlightsTheStepsThatDiffer() throws Exception {
    String a = ViewCommandTest.idOf(ViewCommandTest.drifting);
    String b = ViewCommandTest.idOf(ViewCommandTest.baseline);
    Page page = load(ViewCommandTest.site.resolve("compare.html"), "#a=" + a + "&b=" + b).clean();
    List<JsonNode> x = Cli.readJsonl(ViewCommandTest.drifting.resolve("step_log.jsonl"));
    List<JsonNode> y = Cli.readJsonl(ViewCommandTest.baseline.resolve("step_log.jsonl"));
    int actionDiffs = 0;
    int first = -1;
    for (int i = 0; i < x.size(); i++) {
      if (!x.get(i).get("action").get("tool").equals(y.get(i).get("action").get("tool"))
          || !x.get(i).at("/action/args").equals(y.get(i).at("/action/args"))) {
        actionDiffs++;
        first = first < 0 ? i : first;
      }
    }
    assertTrue(actionDiffs > 0, "the drifting run acts differently from its control");
    assertEquals(actionDiffs, page.count("data-action-differs=\"true\""));
    // both sides of a differing step carry the highlight
    assertEquals(2 * actionDiffs, page.count("class=\"tool diff\""));
    int row = page.dom().indexOf("<tr class=\"differs\" id=\"step-" + first + "\"");
    assertTrue(row >= 0, "step " + first + " is marked as differing");
    assertTrue(page.dom().indexOf("class=\"tool diff\"", row) > row);
    assertTrue(page.dom().contains(" in the action)"), page.tail());
  }

  @Test
  void aBrokenDataFileIsReportedOnThePage() throws Exception {
    // guards the checks above: a script error must show up where they look for it
    Page page = page("broken");
    // file:// scripts are cross-origin to the page, so the page sees "Script error." only
    assertFalse(page.errors().isBlank(), page.tail());
    assertTrue(page.log().contains("Uncaught SyntaxError"), page.log());
  }

  @Test
  void anUnknownRunSaysSoWithoutAnError() throws Exception {
    Page page = page("unknown").clean();
    assertTrue(page.dom().contains("No data for run no.such.run"), page.tail());
    Page climbing = page("climbing").clean();
    assertTrue(climbing.dom().contains("No run chosen"), climbing.tail());
  }
}
