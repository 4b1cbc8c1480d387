package fr.breachimpact.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Runs something while copying what it prints (stdout and stderr, still shown on the console) into
 * strings: each stream alone and both interleaved as a reader of the console saw them.
 */
public final class ConsoleCapture {
  /** What the job returned and printed. */
  public record Captured<T>(T value, String out, String err, String all) {}

  private ConsoleCapture() {}

  public static <T> Captured<T> capture(Supplier<T> job) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    PrintStream consoleOut = System.out;
    PrintStream consoleErr = System.err;
    System.setOut(new PrintStream(new Tee(consoleOut, out, all), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(consoleErr, err, all), true, StandardCharsets.UTF_8));
    T value;
    try {
      value = job.get();
    } finally {
      System.setOut(consoleOut);
      System.setErr(consoleErr);
    }
    return new Captured<>(value, text(out), text(err), text(all));
  }

  /** Everything printed while {@code job} ran, stdout and stderr interleaved. */
  public static String during(Runnable job) {
    return capture(
            () -> {
              job.run();
              return null;
            })
        .all();
  }

  private static String text(ByteArrayOutputStream bytes) {
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  /** Writes to the console and to the copies; a console failure never breaks the run. */
  private static final class Tee extends OutputStream {
    private final OutputStream console;
    private final OutputStream[] copies;

    Tee(OutputStream console, OutputStream... copies) {
      this.console = console;
      this.copies = copies;
    }

    @Override
    public void write(int c) {
      write(new byte[] {(byte) c}, 0, 1);
    }

    @Override
    public void write(byte[] buf, int off, int len) {
      try {
        console.write(buf, off, len);
      } catch (IOException ignored) {
        // the copy matters, not the console
      }
      for (OutputStream copy : copies) {
        synchronized (copy) {
          try {
            copy.write(buf, off, len);
          } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
          }
        }
      }
    }
  }
}
