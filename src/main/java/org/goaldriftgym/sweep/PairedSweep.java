package org.goaldriftgym.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.RunConfig;
import org.goaldriftgym.run.RunPlan;
import org.goaldriftgym.run.RunPlanner;

/**
 * A sweep with a paired control: each planned run (the treatment) is followed by the same run with
 * the {@link ControlOverride} applied (the control). A control is a real run labelled {@code
 * <treatment label>-control}, so it never pools with a treatment; its {@code config.json} records
 * the override and its treatment under {@code run_config.metadata.control}. Pairs are made after
 * sharding, so a pair is never split across shards, and a control's index in the manifest is the
 * treatment's plus the number of items in the unsharded sweep. Immutable.
 *
 * @param runs treatment, control, treatment, control, ... in sweep order
 * @param pairs one per treatment, in sweep order
 */
public record PairedSweep(
    ControlOverride control, List<SweepRunner.Planned> runs, List<Pair> pairs) {

  /** The suffix of a control run's label. */
  public static final String LABEL_SUFFIX = "-control";

  /** The key under {@code run_config.metadata} of a control run's note. */
  public static final String METADATA_KEY = "control";

  public PairedSweep {
    Objects.requireNonNull(control, "control");
    runs = List.copyOf(runs);
    pairs = List.copyOf(pairs);
  }

  /**
   * One treatment and its control. Immutable.
   *
   * @param group what the pair is summarised under: scenario, the treatment's label and the value
   *     of each swept parameter
   * @param treatment the manifest index of the treatment run
   * @param control the manifest index of the control run
   * @param epoch the treatment's epoch ({@code --epochs}), or {@code null}: the pairs of one seed's
   *     epochs are one sample of the paired summary
   */
  public record Pair(
      Map<String, String> group, long seed, int treatment, int control, Integer epoch) {
    public Pair {
      group = Collections.unmodifiableMap(new LinkedHashMap<>(group));
    }
  }

  /**
   * Pairs each planned treatment with its control, planned as {@code run} would plan a run with the
   * override given as {@code --scenario-param}.
   *
   * @param sweptParams the parameters the sweep crosses (they join the group of a pair)
   * @param totalItems the number of items in the unsharded sweep
   * @throws HarnessException (usage) for an override the scenario does not accept, or one that
   *     leaves a treatment unchanged (a pair must compare two different runs)
   */
  public static PairedSweep plan(
      List<SweepRunner.Planned> treatments,
      ControlOverride control,
      Set<String> sweptParams,
      RunPlanner planner,
      int totalItems) {
    List<SweepRunner.Planned> runs = new ArrayList<>();
    List<Pair> pairs = new ArrayList<>();
    for (SweepRunner.Planned treatment : treatments) {
      SweepRunner.Planned planned = controlOf(treatment, control, planner, totalItems);
      runs.add(treatment);
      runs.add(planned);
      RunPlan plan = treatment.plan();
      Map<String, String> group = new LinkedHashMap<>();
      group.put("scenario", plan.scenario());
      group.put("label", plan.label());
      Map<String, Object> params = plan.params().asPlainValues();
      for (String name : sweptParams) {
        group.put(name, String.valueOf(params.get(name)));
      }
      pairs.add(
          new Pair(
              group,
              plan.seed(),
              treatment.item().index(),
              planned.item().index(),
              plan.config().engine().epoch()));
    }
    return new PairedSweep(control, runs, pairs);
  }

  private static SweepRunner.Planned controlOf(
      SweepRunner.Planned treatment, ControlOverride control, RunPlanner planner, int totalItems) {
    SweepItem item = treatment.item();
    RunPlan plan = treatment.plan();
    Map<String, Object> typed;
    try {
      typed = control.typed(plan.provider().spec());
    } catch (IllegalArgumentException e) {
      throw HarnessException.usage(e.getMessage());
    }
    RunConfig.Builder config = item.config().toBuilder();
    typed.forEach(config::scenarioParam);
    Map<String, Object> note = new LinkedHashMap<>();
    note.put("params", typed);
    note.put("treatment_label", plan.label());
    note.put("treatment_config_hash", treatment.configHash());
    Map<String, Object> metadata = new LinkedHashMap<>(item.config().metadata());
    metadata.put(METADATA_KEY, note);
    config.metadata(metadata);
    Set<String> fromFlags = new HashSet<>(item.fromFlags());
    typed.keySet().forEach(key -> fromFlags.add(RunPlanner.PARAM_PREFIX + key));
    SweepItem controlItem =
        new SweepItem(
            totalItems + item.index(), config.build(), plan.label() + LABEL_SUFFIX, fromFlags);
    RunPlan planned;
    try {
      planned = planner.plan(controlItem.config(), item.label(), fromFlags);
    } catch (HarnessException e) {
      throw new HarnessException(
          e.kind(), "control of sweep item " + (item.index() + 1) + ": " + e.getMessage(), e);
    }
    // the treatment's label as planned, suffixed: not slugged again, so it stays <label>-control
    RunPlan controlPlan =
        new RunPlan(
            planned.config(),
            planned.provider(),
            planned.params(),
            planned.policy(),
            planned.replay(),
            controlItem.label(),
            planned.agent());
    String hash = controlPlan.configDocument().hash();
    if (hash.equals(treatment.configHash())) {
      throw HarnessException.usage(
          "--control "
              + String.join(" ", control.assignments())
              + " leaves sweep item "
              + (item.index() + 1)
              + " ("
              + plan.label()
              + ", seed "
              + plan.seed()
              + ") unchanged: its runs already have these values; a pair needs a control that"
              + " differs from its treatment (drop that value from --scenario-param or the config)");
    }
    return new SweepRunner.Planned(controlItem, controlPlan, hash);
  }

  /**
   * Adds {@code control} (the override as given) and {@code pairs} (group, seed, the manifest
   * indexes of treatment and control, and the epoch with {@code --epochs}) to a sweep manifest.
   */
  public void annotate(ObjectNode manifest) {
    ObjectNode controlNode = manifest.putObject("control");
    control.values().forEach(controlNode::put);
    ArrayNode array = manifest.putArray("pairs");
    for (Pair pair : pairs) {
      ObjectNode node = array.addObject();
      ObjectNode group = node.putObject("group");
      pair.group().forEach(group::put);
      node.put("seed", pair.seed());
      node.put("treatment", pair.treatment());
      node.put("control", pair.control());
      if (pair.epoch() != null) {
        node.put("epoch", pair.epoch());
      }
    }
  }
}
