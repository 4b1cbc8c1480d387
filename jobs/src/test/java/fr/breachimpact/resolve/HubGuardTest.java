package fr.breachimpact.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.breachimpact.config.ResolveConfig;
import fr.breachimpact.resolve.Fixtures.Ident;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class HubGuardTest {
  @Test
  void keyHeldByManyNamesIsAHubButOnePersonsTyposAndSwapsAreNot() {
    String family = "famille.garnier@free.fr";
    String person = "camille.lefebvre@orange.fr";
    List<Row> records =
        List.of(
            new Ident("sophie", "garnier", null, family, null, null).record("r1", "i1"),
            new Ident("lucas", "garnier", null, family, null, null).record("r2", "i1"),
            new Ident("emma", "garnier", null, family, null, null).record("r3", "i2"),
            new Ident("hugo", "garnier", null, family, null, null).record("r4", "i2"),
            new Ident("camille", "lefebvre", "1984-03-12", person, null, null).record("r5", "i1"),
            new Ident("camile", "lefebvre", "1984-03-12", person, null, null).record("r6", "i2"),
            new Ident("lefebvre", "camille", "1984-12-03", person, null, null).record("r7", "i3"),
            new Ident("camille", "lefebvre", null, person, null, null).record("r8", "i4"),
            new Ident("ana", "roy", null, "test@laposte.net", "+33611111111", null)
                .record("r9", "i1"));
    // Assertion messages name the values by label, never by value.
    Map<String, String> label =
        Map.of(
            family, "family", person, "person", "test@laposte.net", "test", "+33611111111", "ones");
    Map<String, String> reasons = new TreeMap<>();
    HubGuard.hubs(Parties.fromRecords(Fixtures.records(records)), ResolveConfig.defaults())
        .collectAsList()
        .forEach(
            r ->
                reasons.put(
                    r.getString(0) + ":" + label.getOrDefault(r.getString(1), "other"),
                    r.getString(5)));
    // Placeholders (test@, eight ones) are nulled before the guard (the comparable columns drop
    // them): only the family address is left to be found a hub.
    assertEquals(Map.of("email:family", "too_many_names"), reasons);
  }

  @Test
  void hubValuesAreNulledOnTheirOwnKeyOnlyAndEveryPartyIsKept() {
    String family = "famille.garnier@free.fr";
    List<Row> records =
        List.of(
            new Ident("sophie", "garnier", null, family, "+33612345671", null).record("r1", "i1"),
            new Ident("lucas", "garnier", null, family, "+33612345670", null).record("r2", "i1"),
            new Ident("emma", "roy", null, "emma.roy@free.fr", null, null).record("r3", "i2"),
            new Ident("hugo", "roy", null, null, family, null).record("r4", "i2"));
    Dataset<Row> parties = Parties.fromRecords(Fixtures.records(records));
    Dataset<Row> hubs =
        parties
            .sparkSession()
            .createDataFrame(
                List.of(
                    RowFactory.create("email", family), RowFactory.create("phone", "+33612345671")),
                new StructType().add("key_type", "string").add("key_value", "string"));
    Map<String, String> keys = new TreeMap<>();
    for (Row r :
        HubGuard.withoutHubs(parties, hubs)
            .select("record_id", "email", "phone_det")
            .collectAsList()) {
      // Labels, not values, in what an assertion prints.
      keys.put(
          r.getString(0), (r.isNullAt(1) ? "-" : "email") + "/" + (r.isNullAt(2) ? "-" : "phone"));
    }
    // r1, r2: the family address goes; r1's hub phone goes (its trusted copy too), r2's own phone
    // stays. r4 holds
    // the family address as a phone value: a hub of the email key only, so it is no phone hub.
    assertEquals(Map.of("r1", "-/-", "r2", "-/phone", "r3", "email/-", "r4", "-/phone"), keys);
  }
}
