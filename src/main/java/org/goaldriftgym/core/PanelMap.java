package org.goaldriftgym.core;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The immutable, insertion-ordered map behind {@link Panels}: names and values in two arrays,
 * looked up by a linear scan. A dashboard holds a dozen or two entries, read a few times and
 * written once per step, so this is cheaper than hashing every name into a {@code LinkedHashMap}
 * and then copying it. Equal to, and with the same hash code and text as, any map with the same
 * entries. Only {@link Panels} makes them, from checked values.
 */
final class PanelMap extends AbstractMap<String, Object> {

  private final String[] names;
  private final Object[] values;

  /** Takes ownership of the arrays: the caller must not change or expose them. */
  PanelMap(String[] names, Object[] values) {
    this.names = names;
    this.values = values;
  }

  /** Appends this map's entries to the arrays, from {@code at}; returns the new size. */
  int copyInto(String[] intoNames, Object[] intoValues, int at) {
    System.arraycopy(names, 0, intoNames, at, names.length);
    System.arraycopy(values, 0, intoValues, at, values.length);
    return at + names.length;
  }

  private int indexOf(Object name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i] == name) {
        return i;
      }
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public boolean containsKey(Object name) {
    return indexOf(name) >= 0;
  }

  @Override
  public Object get(Object name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    Objects.requireNonNull(action, "action");
    for (int i = 0; i < names.length; i++) {
      action.accept(names[i], values[i]);
    }
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return names.length;
      }

      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < names.length;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= names.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names[i], values[i]);
          }
        };
      }
    };
  }
}
