package fr.breachimpact.cli;

import picocli.CommandLine.Option;

/** Which model a stage scores with: {@code --model FILE} or {@code --retrain} (docs/linkage.md). */
public final class ModelOptions {
  @Option(
      names = "--model",
      paramLabel = "FILE",
      description =
          "Score with this trained model (a model.json) instead of training or reusing one.")
  String file;

  @Option(
      names = "--retrain",
      description = "Train a new model even when the stored one could be reused.")
  boolean retrain;
}
