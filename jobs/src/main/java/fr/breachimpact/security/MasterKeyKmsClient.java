package fr.breachimpact.security;

import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.crypto.KeyAccessDeniedException;
import org.apache.parquet.crypto.keytools.KeyToolkit;
import org.apache.parquet.crypto.keytools.KmsClient;

/**
 * Parquet's key management client ({@code parquet.encryption.kms.client.class}) for keys given at
 * run time rather than held by a KMS server: the master keys come from a {@link MasterKeySource}
 * named in the Hadoop configuration, and Parquet's key-encryption keys are wrapped locally with
 * AES-GCM under them (the master key's id is the additional authenticated data, so a key wrapped
 * under one id does not unwrap under another). Parquet creates one client per KMS instance and
 * token and caches it; the keys are read once per client.
 */
public final class MasterKeyKmsClient implements KmsClient {
  private MasterKeys keys;

  @Override
  public void initialize(
      Configuration conf, String kmsInstanceId, String kmsInstanceUrl, String accessToken)
      throws KeyAccessDeniedException {
    MasterKeySource source =
        new MasterKeySource(
            conf.getTrimmed(MasterKeySource.MEMORY_SET),
            conf.getTrimmed(MasterKeySource.ENV_VARIABLE),
            conf.getTrimmed(MasterKeySource.FILE));
    try {
      keys = source.load(System.getenv());
    } catch (IllegalArgumentException e) {
      throw new KeyAccessDeniedException(e.getMessage());
    }
  }

  @Override
  public String wrapKey(byte[] keyBytes, String masterKeyId) throws KeyAccessDeniedException {
    return KeyToolkit.encryptKeyLocally(keyBytes, masterKey(masterKeyId), aad(masterKeyId));
  }

  @Override
  public byte[] unwrapKey(String wrappedKey, String masterKeyId) throws KeyAccessDeniedException {
    return KeyToolkit.decryptKeyLocally(wrappedKey, masterKey(masterKeyId), aad(masterKeyId));
  }

  private byte[] masterKey(String id) throws KeyAccessDeniedException {
    byte[] key = keys == null ? null : keys.get(id);
    if (key == null) {
      throw new KeyAccessDeniedException("master key '" + id + "' is not in the run's key set");
    }
    return key;
  }

  private static byte[] aad(String id) {
    return id.getBytes(StandardCharsets.UTF_8);
  }
}
