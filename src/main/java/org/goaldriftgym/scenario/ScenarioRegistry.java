package org.goaldriftgym.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The scenarios found on the class path through {@link ServiceLoader}, sorted by name. Immutable
 * once loaded and safe to share.
 */
public final class ScenarioRegistry {

  private static final Pattern VALID_NAME = Pattern.compile("[a-z0-9_]+");

  private final List<ScenarioProvider> providers;

  private ScenarioRegistry(List<ScenarioProvider> providers) {
    for (ScenarioProvider provider : providers) {
      String name = provider.spec().name();
      if (!VALID_NAME.matcher(name).matches()) {
        throw new IllegalStateException(
            "scenario provider "
                + provider.getClass().getName()
                + " has an invalid name '"
                + name
                + "': names are [a-z0-9_]+ (they become directory names)");
      }
    }
    List<ScenarioProvider> sorted = new ArrayList<>(providers);
    sorted.sort(Comparator.comparing(p -> p.spec().name()));
    for (int i = 1; i < sorted.size(); i++) {
      String name = sorted.get(i).spec().name();
      if (name.equals(sorted.get(i - 1).spec().name())) {
        throw new IllegalStateException("two scenario providers are named " + name);
      }
    }
    this.providers = List.copyOf(sorted);
  }

  /** Loads every {@link ScenarioProvider} visible to this class's class loader. */
  public static ScenarioRegistry load() {
    List<ScenarioProvider> found = new ArrayList<>();
    ServiceLoader.load(ScenarioProvider.class, ScenarioRegistry.class.getClassLoader())
        .forEach(found::add);
    return new ScenarioRegistry(found);
  }

  public static ScenarioRegistry of(List<ScenarioProvider> providers) {
    return new ScenarioRegistry(providers);
  }

  public List<ScenarioProvider> providers() {
    return providers;
  }

  public List<String> names() {
    return providers.stream().map(p -> p.spec().name()).toList();
  }

  /**
   * The provider with this name.
   *
   * @throws IllegalArgumentException naming the registered scenarios and the nearest match
   */
  public ScenarioProvider require(String name) {
    for (ScenarioProvider provider : providers) {
      if (provider.spec().name().equals(name)) {
        return provider;
      }
    }
    throw new IllegalArgumentException(
        "unknown scenario '"
            + name
            + "'"
            + Names.didYouMean(name, names())
            + "; registered scenarios: "
            + String.join(", ", names()));
  }
}
