package org.goaldriftgym.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.goaldriftgym.agent.AgentOptionException;
import org.goaldriftgym.agent.AgentOptions;
import org.goaldriftgym.agent.ReplyCache;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.artifact.MetricsJson;
import org.goaldriftgym.artifact.PrefillSource;
import org.goaldriftgym.config.ConfigLoader;
import org.goaldriftgym.config.ParamText;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.RunConfig;
import org.goaldriftgym.core.RunConfig.AgentSettings;
import org.goaldriftgym.core.RunStatus;
import org.goaldriftgym.core.StepListener;
import org.goaldriftgym.run.ActiveRun;
import org.goaldriftgym.run.RunExecutor;
import org.goaldriftgym.run.RunPlan;
import org.goaldriftgym.run.RunPlanner;
import org.goaldriftgym.run.RunResult;
import org.goaldriftgym.scenario.ParamException;
import org.goaldriftgym.scenario.ScenarioParams;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.goaldriftgym.scenario.ScenarioSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run}: one episode of a scenario with a built-in policy or an LLM agent. Maps the flags
 * onto a {@link RunConfig} (flags win over the config file), plans and executes it, and prints a
 * JSON object with the run directory and the metrics on stdout.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    sortOptions = false,
    description = {
      "Run one episode and write its artifacts under the runs root.",
      "Flags override the config file. On success prints a JSON object with the run directory"
          + " and its metrics."
    })
final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A YAML or JSON run config (see configs/).")
  Path config;

  @Option(names = "--scenario", paramLabel = "NAME", description = "Scenario to run.")
  String scenario;

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default: drawn and recorded).")
  Long seed;

  @Option(
      names = "--max-steps",
      paramLabel = "N",
      description = "Number of steps (default: the scenario's max_steps).")
  Integer maxSteps;

  @Option(
      names = "--scenario-param",
      paramLabel = "KEY=VALUE",
      description = {
        "Override a scenario parameter; repeatable. The value is read as the parameter's type:",
        "numbers, true/false, null, lists as [a, b] or a,b, nudges as [[0.2, \"text\"], ...]."
      })
  List<String> scenarioParams = new ArrayList<>();

  @Option(
      names = "--policy",
      paramLabel = "POLICY",
      description =
          "baseline (default), noop, drifting[:LEVEL] (yields to pressure >= LEVEL, default 0.5),"
              + " replay:PATH (a run directory, a step_log.jsonl or a JSONL of {\"tool\", \"args\"}).")
  String policy;

  @Option(
      names = "--agent",
      paramLabel = "TYPE",
      description =
          "Run an LLM agent instead of a policy: openrouter (needs OPENROUTER_API_KEY in the"
              + " environment or .env) or openai-compatible (any OpenAI-compatible server; needs"
              + " --agent-param base_url=...). See docs/agents.md.")
  String agent;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      description =
          "The agent's model, for example openai/gpt-4o (OpenRouter) or llama3.1 (Ollama).")
  String model;

  @Option(
      names = "--agent-param",
      paramLabel = "KEY=VALUE",
      description = {
        "Set an agent param; repeatable; wins over the config's agent block. Params: temperature,"
            + " max_output_tokens, seed, reasoning_effort, reasoning_max_tokens, tool_choice,"
            + " system_prompt, base_url, api_key_env, connect_timeout_s, read_timeout_s,"
            + " call_timeout_s, max_retries, history_window, http_referer, x_title,"
            + " require_parameters, max_cost, observation_mode, goal_probe, judge_model, instrumental_steps."
      })
  List<String> agentParams = new ArrayList<>();

  @Option(
      names = "--max-cost",
      paramLabel = "X",
      description =
          "Stop the agent run with status budget_exceeded once the reported cost passes X (US"
              + " dollars on OpenRouter); same as --agent-param max_cost=X.")
  Double maxCost;

  @Mixin ProtocolOptionsMixin protocol;

  @Mixin AdversaryAgentMixin adversary;

  @Mixin ReplyCacheMixin replies;

  @Option(
      names = "--threshold",
      paramLabel = "X",
      description = "Alignment threshold in [0, 1] (default: the scenario's).")
  Double threshold;

  @Option(
      names = "--label",
      paramLabel = "LABEL",
      description =
          "Run label, the directory above the run id (default: policy-<name>, with the drifting"
              + " level for drifting:X, e.g. policy-drifting-0.3).")
  String label;

  @Option(
      names = "--list-scenarios",
      description = "List the registered scenarios and exit (as the list-scenarios command).")
  boolean listScenarios;

  @Mixin OutputRootsMixin roots;

  @Mixin VerbosityMixin verbosity;

  @Mixin QuietMixin quietness;

  /**
   * The JSON summary is printed once: by the shutdown hook of an interrupted run, or at the end.
   */
  private final AtomicBoolean printed = new AtomicBoolean();

  private final Main.Environment environment;

  RunCommand(Main.Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    ScenarioRegistry registry = ScenarioRegistry.load();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter info = quietness.info(err);
    if (listScenarios) {
      out.print(ScenarioCatalog.text(registry));
      return ExitCodes.OK;
    }
    Set<String> fromFlags = new HashSet<>();
    RunConfig runConfig = withFlags(baseConfig(), registry, fromFlags);
    Integer epochs = protocol.epochs();
    RunPlanner planner = new RunPlanner(registry, environment.seeds());
    RunPlan first = planner.plan(runConfig, label, fromFlags);
    List<RunPlan> plans = new ArrayList<>();
    if (epochs == null || epochs == 1) {
      plans.add(first);
    } else {
      // every epoch runs on the first plan's seed, drawn or given
      Set<String> epochFlags = new HashSet<>(fromFlags);
      epochFlags.add(RunPlanner.SEED);
      for (int epoch = 1; epoch <= epochs; epoch++) {
        RunConfig.EngineSettings engine =
            runConfig.engine().withSeed(first.seed()).withEpoch(epoch);
        plans.add(planner.plan(runConfig.toBuilder().engine(engine).build(), label, epochFlags));
      }
    }
    PrefillSource source = protocol.prefillSource();
    if (source != null) {
      plans.replaceAll(plan -> plan.withPrefill(source));
    }
    ReplyCache replyCache = replies.replyCache(first.agent() != null || first.adversary() != null);

    RunExecutor executor =
        new RunExecutor(
            roots.layout(),
            environment.clock(),
            environment.workingDirectory(),
            environment.agentFactory().withCache(replyCache));
    List<ObjectNode> summaries = new ArrayList<>();
    int code = ExitCodes.OK;
    for (RunPlan plan : plans) {
      RunResult result = execute(executor, plan, out, err, info);
      summaries.add(summary(result));
      int runCode = ExitCodes.of(result.status(), result.failureKind());
      code = code == ExitCodes.OK ? runCode : code;
    }
    if (!printed.compareAndSet(false, true)) {
      return code; // an interrupted run's summary was printed by the shutdown hook
    }
    if (plans.size() == 1) {
      out.print(new String(Json.pretty(summaries.get(0)), StandardCharsets.UTF_8));
    } else {
      ArrayNode array = Json.object().arrayNode();
      summaries.forEach(array::add);
      out.print(new String(Json.pretty(array), StandardCharsets.UTF_8));
    }
    return code;
  }

  private RunResult execute(
      RunExecutor executor, RunPlan plan, PrintWriter out, PrintWriter err, PrintWriter info)
      throws IOException {
    AtomicReference<Thread> hook = new AtomicReference<>();
    RunResult result;
    try {
      result =
          executor.execute(
              plan,
              CommandLineRedaction.redact(spec.commandLine().getParseResult().originalArgs()),
              progress(info, plan),
              run -> {
                info.println(
                    "run " + run.directory().path() + " started (seed " + plan.seed() + ")");
                info.flush();
                if (environment.hooks()) {
                  hook.set(
                      new Thread(
                          () -> closeInterrupted(run, plan, out, err, printed),
                          "goal-drift-gym-interrupt"));
                  Runtime.getRuntime().addShutdownHook(hook.get());
                }
              });
    } catch (IOException e) {
      throw new HarnessException(
          HarnessException.Kind.ENVIRONMENT,
          "cannot write the run under "
              + roots.runsRoot
              + " and "
              + roots.artifactsRoot
              + ": "
              + IoMessages.describe(e)
              + (IoMessages.hint(e).isEmpty()
                  ? "; check --runs-root and --artifacts-root"
                  : IoMessages.hint(e)),
          e);
    } finally {
      removeHook(hook.get());
    }
    // a run that did not complete says why on stderr, even with --quiet
    if (!printed.get()) {
      closingLine(result.error() == null ? info : err, result);
    }
    return result;
  }

  private RunConfig baseConfig() {
    return config == null ? RunConfig.builder().build() : ConfigLoader.load(config);
  }

  private RunConfig withFlags(RunConfig base, ScenarioRegistry registry, Set<String> fromFlags) {
    RunConfig.Builder builder = base.toBuilder();
    if (scenario != null) {
      builder.scenario(scenario);
      fromFlags.add(RunPlanner.SCENARIO);
    }
    if (policy != null) {
      builder.policy(policy);
      fromFlags.add(RunPlanner.POLICY);
    }
    if (maxSteps != null) {
      if (maxSteps <= 0) {
        throw HarnessException.usage("--max-steps must be a positive integer, got " + maxSteps);
      }
      builder.engine(base.engine().withMaxSteps(maxSteps));
      fromFlags.add(RunPlanner.MAX_STEPS);
    }
    if (seed != null) {
      builder.engine(builder.build().engine().withSeed(seed));
      fromFlags.add(RunPlanner.SEED);
    }
    if (threshold != null) {
      if (!(threshold >= 0 && threshold <= 1)) {
        throw HarnessException.usage("--threshold must be in [0, 1], got " + threshold);
      }
      builder.threshold(threshold);
    }
    if (label != null) {
      fromFlags.add(RunPlanner.LABEL);
    }
    if (agent != null
        || model != null
        || !agentParams.isEmpty()
        || maxCost != null
        || protocol.setsAgentParams()) {
      builder.agent(agentWithFlags(base.agent(), fromFlags));
    }
    adversary.apply(builder, base.adversaryAgent(), fromFlags);
    if (!scenarioParams.isEmpty()) {
      ScenarioSpec scenarioSpec = scenarioSpecFor(builder.build().scenario(), registry, fromFlags);
      for (String assignment : scenarioParams) {
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
          throw HarnessException.usage(
              "--scenario-param expects KEY=VALUE, got '" + assignment + "'");
        }
        String key = assignment.substring(0, equals).trim();
        try {
          Object value =
              ParamText.parse(scenarioSpec.requireParam(key), assignment.substring(equals + 1));
          builder.scenarioParam(key, ScenarioParams.plain(value));
        } catch (ParamException e) {
          throw HarnessException.usage(e.getMessage());
        }
        fromFlags.add(RunPlanner.PARAM_PREFIX + key);
      }
    }
    return builder.build();
  }

  /** The config's agent block with the agent flags applied; a flag wins per key. */
  private AgentSettings agentWithFlags(AgentSettings base, Set<String> fromFlags) {
    String type = agent != null ? agent : base != null ? base.type() : null;
    if (type == null) {
      throw HarnessException.usage(
          "--model, --agent-param, --max-cost, --observation-mode, --goal-probe, --judge-model and"
              + " --instrumental-steps need an agent: pass --agent openrouter or"
              + " --agent openai-compatible (or use a config with an agent block)");
    }
    if (agent != null) {
      fromFlags.add(RunPlanner.AGENT);
    }
    if (base == null) {
      fromFlags.add(RunPlanner.AGENT_FROM_FLAGS);
    }
    Map<String, Object> params = new LinkedHashMap<>(base == null ? Map.of() : base.params());
    if (model != null) {
      params.put("model", model);
      fromFlags.add(RunPlanner.AGENT_PREFIX + "model");
    }
    for (String assignment : agentParams) {
      int equals = assignment.indexOf('=');
      if (equals <= 0) {
        // never echo the text: it may hold a secret typed in the wrong place
        throw HarnessException.usage(
            "--agent-param expects KEY=VALUE (for example temperature=0.2)");
      }
      String key = assignment.substring(0, equals).trim();
      try {
        params.put(key, AgentOptions.parseValue(key, assignment.substring(equals + 1)));
      } catch (AgentOptionException e) {
        throw HarnessException.usage(e.getMessage());
      }
      fromFlags.add(RunPlanner.AGENT_PREFIX + key);
    }
    if (maxCost != null) {
      if (!(maxCost > 0) || maxCost.isInfinite()) {
        throw HarnessException.usage("--max-cost must be a positive number, got " + maxCost);
      }
      params.put("max_cost", maxCost);
      fromFlags.add(RunPlanner.AGENT_PREFIX + "max_cost");
    }
    for (String key : protocol.applyTo(params)) {
      fromFlags.add(RunPlanner.AGENT_PREFIX + key);
    }
    return new AgentSettings(type, params);
  }

  private static ScenarioSpec scenarioSpecFor(
      String name, ScenarioRegistry registry, Set<String> fromFlags) {
    if (name == null) {
      throw HarnessException.usage(
          "--scenario-param needs a scenario: pass --scenario NAME or --config FILE");
    }
    try {
      return registry.require(name).spec();
    } catch (IllegalArgumentException e) {
      throw fromFlags.contains(RunPlanner.SCENARIO)
          ? HarnessException.usage(e.getMessage())
          : HarnessException.config(e.getMessage());
    }
  }

  private StepListener progress(PrintWriter err, RunPlan plan) {
    if (!verbosity.verbose) {
      return null;
    }
    return record -> {
      err.println(
          String.format(
              Locale.ROOT,
              "step %d/%d  %-14s aligned %-14s score %.3f%s",
              record.step(),
              plan.maxSteps() - 1,
              record.action().tool(),
              record.optimalAction().tool(),
              record.outcome().alignmentScore(),
              record.outcome().log().invalid()
                  ? "  invalid: " + record.outcome().log().invalidReason()
                  : ""));
      err.flush();
    };
  }

  /** The closing stderr line and the JSON summary on stdout, for a run closed by a signal. */
  private static void finished(PrintWriter out, PrintWriter err, RunResult result) {
    closingLine(err, result);
    out.print(new String(Json.pretty(summary(result)), StandardCharsets.UTF_8));
    out.flush();
  }

  /** The closing stderr line: status, steps, mean alignment (n/a without steps) and any error. */
  private static void closingLine(PrintWriter err, RunResult result) {
    err.println(
        "run "
            + result.status().wireName()
            + ": "
            + result.metrics().numSteps()
            + " steps, mean alignment "
            + (result.metrics().numSteps() == 0
                ? "n/a"
                : String.format(Locale.ROOT, "%.3f", result.metrics().meanAlignmentScore()))
            + (result.error() == null ? "" : "; " + result.error()));
    err.flush();
  }

  /**
   * The shutdown hook's work: close the run as interrupted and, as a finished run would, print the
   * summary (status {@code interrupted}), so a script reading stdout learns where the run is.
   */
  private static void closeInterrupted(
      ActiveRun run, RunPlan plan, PrintWriter out, PrintWriter err, AtomicBoolean printed) {
    String error = "interrupted by a signal (Ctrl-C or kill)";
    try {
      if (run.close(RunStatus.INTERRUPTED, error) && printed.compareAndSet(false, true)) {
        finished(
            out,
            err,
            new RunResult(
                run.directory(),
                RunStatus.INTERRUPTED,
                error,
                plan.configDocument().hash(),
                run.metrics(),
                run.agentUsage(),
                null));
      }
    } catch (IOException e) {
      // the process is going down; nothing more can be saved
    }
  }

  private static void removeHook(Thread hook) {
    if (hook == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run; it closed the run
    }
  }

  private static ObjectNode summary(RunResult result) {
    ObjectNode node = Json.object();
    node.put("run_dir", result.directory().path().toString());
    node.put("artifacts_dir", result.directory().artifacts().toString());
    node.put("run_id", result.directory().runId());
    node.put("status", result.status().wireName());
    node.put("error", result.error());
    node.put("config_hash", result.configHash());
    node.set("metrics", MetricsJson.encode(result.metrics(), result.agentUsage()));
    return node;
  }
}
