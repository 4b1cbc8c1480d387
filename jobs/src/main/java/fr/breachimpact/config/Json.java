package fr.breachimpact.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Jackson mappers for config and manifests: snake_case keys, unknown keys are errors, and binding
 * errors become one line naming the file and the field.
 */
public final class Json {
  private static final ObjectMapper JSON = configure(new ObjectMapper());
  private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));

  private Json() {}

  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .registerModule(new JavaTimeModule())
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }

  public static ObjectMapper mapper() {
    return JSON;
  }

  /** Reads a JSON or YAML file (by its extension) into {@code type}. */
  public static <T> T read(Path file, Class<T> type) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": file not found");
    } catch (IOException e) {
      throw new ConfigException(file + ": " + firstLine(e.getMessage()), e);
    }
    return read(content, file.toString(), type);
  }

  /**
   * Reads the content of a JSON or YAML file (by the extension of {@code file}, which names it in
   * error lines) into {@code type}: for manifests read through Hadoop's file systems.
   */
  public static <T> T read(byte[] content, String file, Class<T> type) {
    String name = file.toLowerCase(Locale.ROOT);
    ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
    try {
      return mapper.readValue(content, type);
    } catch (ValueInstantiationException e) {
      if (e.getCause() instanceof InvalidField f) {
        String at = path(e);
        throw ConfigException.at(
            file, at.equals("(root)") ? f.field() : at + "." + f.field(), f.problem());
      }
      throw ConfigException.at(file, path(e), firstLine(e.getOriginalMessage()));
    } catch (UnrecognizedPropertyException e) {
      throw ConfigException.at(file, path(e), "unknown key '" + e.getPropertyName() + "'");
    } catch (JsonMappingException e) {
      throw ConfigException.at(file, path(e), firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ConfigException(file + ": " + firstLine(e.getMessage()), e);
    }
  }

  private static String path(JsonMappingException e) {
    String p =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining());
    return p.startsWith(".") ? p.substring(1) : (p.isEmpty() ? "(root)" : p);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
