package fr.breachimpact.security;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.crypto.FileEncryptionProperties;
import org.apache.parquet.crypto.ParquetCryptoRuntimeException;
import org.apache.parquet.crypto.keytools.PropertiesDrivenCryptoFactory;
import org.apache.parquet.hadoop.api.WriteSupport.WriteContext;

/**
 * Parquet's crypto factory ({@code parquet.crypto.factory.class}) for the session: decides per
 * file. A Parquet file is encrypted, footer and every column, unless it lies under one of the
 * plaintext roots (the analyst reports) or in a Delta log folder (checkpoints stay readable to
 * Delta; they hold no values once data-skipping statistics are off). Encrypting by default, rather
 * than listing the restricted tables, means that a stage writing Delta on its own (not through
 * LakeTables) is still covered.
 *
 * <p>The columns are taken from the file's own schema as it is written, so every table, whatever
 * its columns, is fully encrypted under the column key (Parquet's {@code column.keys} has to name
 * each leaf column; nested ones by their dotted path). Reading goes to Parquet's factory as it is:
 * it decrypts encrypted files and lets plaintext ones through.
 */
public final class RestrictedZoneCryptoFactory extends PropertiesDrivenCryptoFactory {
  public static final String FOOTER_KEY = "breachimpact.encryption.footer.key";
  public static final String COLUMN_KEY = "breachimpact.encryption.column.key";
  public static final String PLAINTEXT_FOOTER = "breachimpact.encryption.plaintext.footer";

  /** Comma-separated folders (scheme-less paths) whose Parquet files stay plaintext. */
  public static final String PLAINTEXT_ROOTS = "breachimpact.encryption.plaintext.roots";

  @Override
  public FileEncryptionProperties getFileEncryptionProperties(
      Configuration conf, Path file, WriteContext context) {
    if (!encrypts(conf, file)) {
      return null;
    }
    String footerKey = conf.getTrimmed(FOOTER_KEY);
    String columnKey = conf.getTrimmed(COLUMN_KEY);
    if (footerKey == null || columnKey == null) {
      throw new ParquetCryptoRuntimeException(
          "encryption on but no " + FOOTER_KEY + " / " + COLUMN_KEY);
    }
    Configuration perFile = new Configuration(conf);
    perFile.set(PropertiesDrivenCryptoFactory.FOOTER_KEY_PROPERTY_NAME, footerKey);
    perFile.set(
        PropertiesDrivenCryptoFactory.COLUMN_KEYS_PROPERTY_NAME,
        columnKey + ":" + String.join(",", columns(context)));
    perFile.setBoolean(
        PropertiesDrivenCryptoFactory.PLAINTEXT_FOOTER_PROPERTY_NAME,
        conf.getBoolean(PLAINTEXT_FOOTER, false));
    return super.getFileEncryptionProperties(perFile, file, context);
  }

  /** Whether a file written at this path gets encrypted. */
  static boolean encrypts(Configuration conf, Path file) {
    String path = Path.getPathWithoutSchemeAndAuthority(file).toString();
    if (path.contains("/_delta_log/")) {
      return false;
    }
    for (String root : conf.getTrimmedStrings(PLAINTEXT_ROOTS)) {
      String r = Path.getPathWithoutSchemeAndAuthority(new Path(root)).toString();
      if (path.equals(r) || path.startsWith(r.endsWith("/") ? r : r + "/")) {
        return false;
      }
    }
    return true;
  }

  /** Every leaf column of the schema, by dotted path. */
  static List<String> columns(WriteContext context) {
    List<String> names = new ArrayList<>();
    for (ColumnDescriptor c : context.getSchema().getColumns()) {
      String name = String.join(".", c.getPath());
      for (String part : c.getPath()) {
        if (part.contains(".") || part.contains(",") || part.contains(";") || part.contains(":")) {
          throw new ParquetCryptoRuntimeException(
              "column '" + name + "' cannot be named in parquet.encryption.column.keys");
        }
      }
      names.add(name);
    }
    return names;
  }
}
