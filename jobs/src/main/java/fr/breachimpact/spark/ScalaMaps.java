package fr.breachimpact.spark;

import java.util.Map;
import scala.collection.JavaConverters;

/** Rows built by hand need Scala maps for MapType columns. */
public final class ScalaMaps {
  private ScalaMaps() {}

  public static <K, V> scala.collection.Map<K, V> of(Map<K, V> map) {
    return map == null ? null : JavaConverters.mapAsScalaMap(map);
  }
}
