package fr.breachimpact.cli;

/** Exit codes the scheduler reads (README, "Exit codes"). */
public final class ExitCode {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int BAD_CONFIG = 2;
  public static final int INPUT_PROBLEM = 3;
  public static final int LOCKED = 4;

  private ExitCode() {}
}
