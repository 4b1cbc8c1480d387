package fr.breachimpact.report;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Keyed pseudonyms: the first 96 bits of HMAC-SHA-256(key, domain ":" id) in hex (24 chars). The
 * domain keeps a person id and a customer id that happen to be equal apart. Same key and id, same
 * pseudonym; without the key a pseudonym cannot be recomputed from a guessed id.
 *
 * <p>Serializable so that Spark ships it to executors; the {@link Mac} is built once per thread
 * there (it is neither serializable nor thread-safe), not once per row.
 */
public final class Pseudonymizer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int HEX_CHARS = 24;

  private final byte[] key;
  private transient ThreadLocal<Mac> mac;

  public Pseudonymizer(byte[] key) {
    if (key == null || key.length == 0) {
      throw new IllegalArgumentException("empty pseudonym key");
    }
    this.key = key.clone();
  }

  public String pseudonym(String domain, String id) {
    if (id == null) {
      return null;
    }
    Mac m = mac();
    byte[] digest = m.doFinal((domain + ":" + id).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
  }

  private Mac mac() {
    if (mac == null) {
      mac = ThreadLocal.withInitial(this::newMac);
    }
    return mac.get();
  }

  private Mac newMac() {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key, "HmacSHA256"));
      return m;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** A Spark function: pseudonym of a string id column in the given domain. */
  public UserDefinedFunction udf(String domain) {
    Pseudonymizer self = this;
    return functions
        .udf((UDF1<String, String>) id -> self.pseudonym(domain, id), DataTypes.StringType)
        .withName("pseudonym_" + domain);
  }

  public Column person(Column personId) {
    return udf("person").apply(personId);
  }

  /** Customer ids are unique within a brand only, so the brand is part of the id. */
  public Column customer(Column brand, Column customerId) {
    return udf("customer").apply(functions.concat_ws("\u0000", brand, customerId));
  }
}
