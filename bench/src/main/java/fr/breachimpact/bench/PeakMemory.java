package fr.breachimpact.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak resident memory of this JVM (local mode: driver and executors are this process), from
 * /proc/self/status VmHWM; reset between measurements through /proc/self/clear_refs.
 */
final class PeakMemory {
  private PeakMemory() {}

  static void reset() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | RuntimeException notLinux) {
      // the peak then spans the whole process
    }
  }

  static long peakMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException notLinux) {
      // fall through
    }
    return -1;
  }
}
