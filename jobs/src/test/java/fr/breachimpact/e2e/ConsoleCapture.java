package fr.breachimpact.e2e;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs something while copying what it prints on stdout and stderr into a string. */
final class ConsoleCapture {
  private ConsoleCapture() {}

  static String during(Runnable job) {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    System.setOut(new PrintStream(new Tee(out, copy), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(err, copy), true, StandardCharsets.UTF_8));
    try {
      job.run();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return copy.toString(StandardCharsets.UTF_8);
  }

  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) {
      try {
        a.write(c);
      } catch (java.io.IOException ignored) {
        // the console copy must not break the run
      }
      synchronized (b) {
        try {
          b.write(c);
        } catch (java.io.IOException impossible) {
          throw new IllegalStateException(impossible);
        }
      }
    }
  }
}
