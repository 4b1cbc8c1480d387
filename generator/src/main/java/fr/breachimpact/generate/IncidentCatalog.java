package fr.breachimpact.generate;

import static fr.breachimpact.generate.LeakField.*;
import static fr.breachimpact.ingest.QuarantineReason.*;

import fr.breachimpact.config.Circumstances;
import fr.breachimpact.config.ContextAdjustment;
import fr.breachimpact.config.FileSpec;
import fr.breachimpact.config.IncidentDates;
import fr.breachimpact.config.IncidentManifest;
import fr.breachimpact.generate.IncidentPlan.FilePlan;
import fr.breachimpact.generate.IncidentPlan.SampleRecipe;
import fr.breachimpact.generate.Noise.PhoneStyle;
import fr.breachimpact.generate.RowRenderer.Column;
import fr.breachimpact.ingest.QuarantineReason;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed incidents (README, "What it does"), each with its own layout: column names in French or
 * English, delimiters {@code ;} {@code ,} {@code |} and tab, Windows-1252 or UTF-8, JSON lines,
 * gzip, a file without header, and a sample posted twice. Manifests do not depend on the seed or
 * the scale, so the committed examples are exactly what the generator writes.
 */
final class IncidentCatalog {
  static final String AUCHAN_2024 = "auchan-2024-12";
  static final String AUCHAN_2025 = "auchan-2025-08";
  static final String LEROY_MERLIN_2025 = "leroy-merlin-2025-11";
  static final String MEDECINDIRECT = "medecindirect-2025-11";
  static final String FRANCE_TRAVAIL = "france-travail-2025-11";
  static final String WEDA = "weda-2025-11";

  private IncidentCatalog() {}

  static List<IncidentPlan> plans() {
    return List.of(
        auchan2024(), auchan2025(), leroyMerlin(), medecinDirect(), franceTravail(), weda());
  }

  private static IncidentPlan auchan2024() {
    List<Column> columns =
        List.of(
            new Column("civilite", GENDER), new Column("NOM", LAST_NAME),
            new Column("Prenom", FIRST_NAME), new Column("date_naissance", BIRTH_DATE),
            new Column("email", EMAIL), new Column("telephone", PHONE),
            new Column("adresse", STREET), new Column("code_postal", POSTCODE),
            new Column("ville", CITY), new Column("composition_foyer", HOUSEHOLD),
            new Column("solde_fidelite", LOYALTY_BALANCE), new Column("commentaire", COMMENT));
    Style style =
        new Style(
            List.of("dd/MM/yyyy", "dd/MM/yyyy", "dd/MM/yyyy", "dd-MM-yy"),
            List.of(PhoneStyle.SPACED, PhoneStyle.PLAIN, PhoneStyle.DOTTED),
            List.of("Mme", "M."),
            true,
            false,
            0.05,
            0.03,
            0.01,
            0.02,
            1.0,
            0.003,
            0.05,
            0.01,
            0.002);
    FileSpec spec =
        csv("extraction_clients_auchan.csv", ";", true, columns, "\"", "windows-1252", "none");
    IncidentManifest manifest =
        new IncidentManifest(
            AUCHAN_2024,
            "Auchan",
            List.of("Auchan"),
            "Mulliez",
            "retail",
            "Loyalty-programme accounts of Auchan customers taken through a compromised account "
                + "of the customer-service tool: names, contact details, birth date, household "
                + "make-up and loyalty balance. No bank data, no passwords.",
            new IncidentDates(
                LocalDate.parse("2024-11-18"),
                OffsetDateTime.parse("2024-11-20T10:30:00+01:00"),
                LocalDate.parse("2024-11-21")),
            500_000L,
            null,
            false,
            new Circumstances("sold", "none", "none", true),
            List.of(),
            List.of(spec));
    return new IncidentPlan(
        manifest,
        List.of(
            new FilePlan(
                spec,
                columns,
                1.0,
                false,
                style,
                0.01,
                List.of(
                    TOO_FEW_FIELDS,
                    TOO_MANY_FIELDS,
                    UNBALANCED_QUOTE,
                    CONTROL_CHARACTER,
                    EMPTY_RECORD),
                -1,
                null)),
        new SampleRecipe(3000, Integer.MAX_VALUE, Population.AUCHAN, 0.85, List.of(), 0, 0, 9999));
  }

  private static IncidentPlan auchan2025() {
    List<Column> columns =
        List.of(
            new Column("loyalty_card", LOYALTY_ID),
            new Column("first_name", FIRST_NAME),
            new Column("last_name", LAST_NAME),
            new Column("email", EMAIL),
            new Column("phone", PHONE),
            new Column("address", STREET),
            new Column("zip", POSTCODE),
            new Column("city", CITY));
    Style style =
        new Style(
            List.of("yyyy-MM-dd"),
            List.of(PhoneStyle.INTERNATIONAL_SPACED, PhoneStyle.PLAIN, PhoneStyle.DOUBLE_ZERO),
            List.of("F", "M"),
            false,
            false,
            0.10,
            0.03,
            0.02,
            0.03,
            0.01,
            0,
            0.08,
            0.01,
            0.003);
    FileSpec part1 = csv("part1.csv", ",", true, columns, "\"", "UTF-8", "none");
    FileSpec part2 = csv("part2.csv", ",", true, columns, "\"", "UTF-8", "none");
    FileSpec repost = csv("repost/part1.csv", ",", true, columns, "\"", "UTF-8", "none");
    List<QuarantineReason> malformed =
        List.of(
            TOO_FEW_FIELDS, TOO_MANY_FIELDS, UNBALANCED_QUOTE, CONTROL_CHARACTER, INVALID_ENCODING);
    IncidentManifest manifest =
        new IncidentManifest(
            AUCHAN_2025,
            "Auchan",
            List.of("Auchan"),
            "Mulliez",
            "retail",
            "Sample of Auchan loyalty accounts published in two parts on a forum, the first part "
                + "posted again later: names, email, postal address, phone, loyalty card number. "
                + "No bank data, passwords or PINs.",
            new IncidentDates(
                LocalDate.parse("2025-08-14"),
                OffsetDateTime.parse("2025-08-19T16:00:00+02:00"),
                LocalDate.parse("2025-08-21")),
            // Two halves of one dump, not independent samples: no capture-recapture.
            300_000L,
            null,
            false,
            false,
            new Circumstances("published", "none", "none", true),
            List.of(),
            List.of(part1, part2, repost));
    return new IncidentPlan(
        manifest,
        List.of(
            new FilePlan(part1, columns, 0.5, true, style, 0.01, malformed, -1, "repost/part1.csv"),
            new FilePlan(part2, columns, 0.5, true, style, 0.01, malformed, -1, null)),
        new SampleRecipe(
            2000, Integer.MAX_VALUE, Population.AUCHAN, 0.80, List.of(AUCHAN_2024), 0.40, 0, 9999));
  }

  private static IncidentPlan leroyMerlin() {
    List<Column> columns =
        List.of(
            new Column("NUM_CARTE", LOYALTY_ID),
            new Column("NOM", LAST_NAME),
            new Column("PRENOM", FIRST_NAME),
            new Column("EMAIL", EMAIL),
            new Column("TEL", PHONE),
            new Column("ADRESSE", STREET),
            new Column("CP", POSTCODE),
            new Column("VILLE", CITY),
            new Column("DERNIER_ACHAT", LAST_PURCHASE));
    Style style =
        new Style(
            List.of("dd/MM/yyyy"),
            List.of(
                PhoneStyle.DOTTED, PhoneStyle.SPACED, PhoneStyle.PLAIN, PhoneStyle.INTERNATIONAL),
            List.of("F", "M"),
            true,
            true,
            1.0,
            0.03,
            0.03,
            0.03,
            0.02,
            0,
            0.05,
            0.01,
            0.003);
    FileSpec spec = csv("clients_fidelite.txt.gz", "|", true, columns, "\"", "UTF-8", "gzip");
    IncidentManifest manifest =
        new IncidentManifest(
            LEROY_MERLIN_2025,
            "Leroy Merlin",
            List.of("Leroy Merlin"),
            "Mulliez",
            "retail",
            "Leroy Merlin loyalty accounts extracted from a partner's system: names, phone, "
                + "email, postal address and last purchase. No bank data, no passwords.",
            new IncidentDates(
                LocalDate.parse("2025-11-28"),
                OffsetDateTime.parse("2025-12-01T08:45:00+01:00"),
                LocalDate.parse("2025-12-02")),
            400_000L,
            null,
            false,
            new Circumstances("limited", "none", "none", true),
            List.of(),
            List.of(spec));
    return new IncidentPlan(
        manifest,
        List.of(
            new FilePlan(
                spec,
                columns,
                1.0,
                false,
                style,
                0.02,
                List.of(
                    TOO_FEW_FIELDS,
                    TOO_MANY_FIELDS,
                    UNBALANCED_QUOTE,
                    CONTROL_CHARACTER,
                    INVALID_ENCODING),
                -1,
                null)),
        new SampleRecipe(
            2000,
            Integer.MAX_VALUE,
            Population.LEROY_MERLIN,
            0.85,
            List.of(AUCHAN_2024, AUCHAN_2025),
            0.35,
            0,
            9999));
  }

  private static IncidentPlan medecinDirect() {
    List<Column> columns =
        List.of(
            new Column("account_id", ACCOUNT_ID),
            new Column("nom", LAST_NAME),
            new Column("prenom", FIRST_NAME),
            new Column("sexe", GENDER),
            new Column("date_naissance", BIRTH_DATE),
            new Column("email", EMAIL),
            new Column("telephone", PHONE),
            new Column("adresse", STREET),
            new Column("code_postal", POSTCODE),
            new Column("ville", CITY),
            new Column("nir", NIR),
            new Column("mutuelle", HEALTH_INSURANCE),
            new Column("motif_consultation", HEALTH_INFO),
            new Column("date_inscription", RECORD_DATE),
            new Column("notes", NOTES));
    Style style =
        new Style(
            List.of("yyyyMMdd", "yyyy-MM-dd"),
            List.of(PhoneStyle.INTERNATIONAL, PhoneStyle.PLAIN),
            List.of("F", "M"),
            false,
            false,
            0.02,
            0.02,
            0.01,
            0.02,
            0.01,
            0.003,
            0.05,
            0.03,
            0.001);
    FileSpec spec =
        new FileSpec(
            "patients.jsonl",
            "jsonl",
            null,
            null,
            null,
            null,
            "UTF-8",
            "none",
            mapping(columns),
            categories(columns));
    IncidentManifest manifest =
        new IncidentManifest(
            MEDECINDIRECT,
            "MédecinDirect",
            List.of(),
            null,
            "health",
            "Intrusion into the teleconsultation service's patient database: identity, contact "
                + "details, NIR for some patients and the reason for the consultation. Video "
                + "consultations and exchanged documents not affected.",
            new IncidentDates(
                LocalDate.parse("2025-11-28"),
                OffsetDateTime.parse("2025-11-28T18:00:00+01:00"),
                LocalDate.parse("2025-12-03")),
            320_000L,
            285_000L,
            true,
            new Circumstances("published", "none", "none", true),
            List.of(),
            List.of(spec));
    return new IncidentPlan(
        manifest,
        List.of(
            new FilePlan(
                spec,
                columns,
                1.0,
                false,
                style,
                0.005,
                List.of(MALFORMED_JSON, NOT_A_JSON_OBJECT, INVALID_ENCODING),
                -1,
                null)),
        new SampleRecipe(1500, 250_000, 0, 0.30, List.of(), 0, 0, 9999));
  }

  private static IncidentPlan franceTravail() {
    List<Column> columns =
        List.of(
            new Column("identifiant_ft", FRANCE_TRAVAIL_ID),
            new Column("nom", LAST_NAME),
            new Column("prenom", FIRST_NAME),
            new Column("date_naissance", BIRTH_DATE),
            new Column("nir", NIR),
            new Column("email", EMAIL),
            new Column("adresse", STREET),
            new Column("code_postal", POSTCODE),
            new Column("ville", CITY),
            new Column("telephone", PHONE),
            new Column("mission_locale", MISSION_LOCALE));
    Style style =
        new Style(
            List.of("dd-MM-yy", "dd/MM/yyyy"),
            List.of(PhoneStyle.PLAIN, PhoneStyle.SPACED, PhoneStyle.INTERNATIONAL_SPACED),
            List.of("F", "M"),
            true,
            false,
            0.10,
            0.03,
            0.02,
            0.03,
            0.01,
            0.005,
            0.05,
            0.03,
            0.002);
    FileSpec spec =
        new FileSpec(
            "export_jeunes.tsv",
            "csv",
            "\t",
            false,
            columns.stream().map(Column::name).toList(),
            "",
            "UTF-8",
            "none",
            mapping(columns),
            categories(columns));
    IncidentManifest manifest =
        new IncidentManifest(
            FRANCE_TRAVAIL,
            "France Travail",
            List.of(),
            null,
            "public employment service",
            "Accounts of young people followed by the missions locales, extracted through a "
                + "partner's access: names, birth date, NIR, France Travail id, email, postal "
                + "address, phone.",
            new IncidentDates(
                LocalDate.parse("2025-11-24"),
                OffsetDateTime.parse("2025-12-05T11:00:00+01:00"),
                LocalDate.parse("2025-12-08")),
            1_600_000L,
            1_600_000L,
            false,
            new Circumstances("severe", "none", "none", true),
            List.of(
                new ContextAdjustment(
                    1, "minors aged 16 and 17 among the people, all in a vulnerable situation")),
            List.of(spec));
    return new IncidentPlan(
        manifest,
        List.of(
            new FilePlan(
                spec,
                columns,
                1.0,
                false,
                style,
                0.01,
                List.of(
                    TOO_FEW_FIELDS,
                    TOO_MANY_FIELDS,
                    CONTROL_CHARACTER,
                    INVALID_ENCODING,
                    EMPTY_RECORD),
                -1,
                null)),
        new SampleRecipe(1000, Integer.MAX_VALUE, 0, 0.30, List.of(), 0, 2000, 2009));
  }

  private static IncidentPlan weda() {
    List<Column> columns =
        List.of(
            new Column("rpps", PROFESSIONAL_ID),
            new Column("last_name", LAST_NAME),
            new Column("first_name", FIRST_NAME),
            new Column("specialty", SPECIALTY),
            new Column("email", EMAIL),
            new Column("phone", PHONE),
            new Column("city", CITY),
            new Column("postcode", POSTCODE));
    Style style =
        new Style(
            List.of("yyyy-MM-dd"),
            List.of(PhoneStyle.PLAIN, PhoneStyle.SPACED, PhoneStyle.DOTTED),
            List.of("F", "M"),
            false,
            false,
            0.05,
            0.02,
            0.01,
            0.02,
            0.01,
            0,
            0.05,
            0.01,
            0);
    FileSpec spec = csv("weda_comptes.csv", ",", true, columns, "\"", "UTF-8", "none");
    IncidentManifest manifest =
        new IncidentManifest(
            WEDA,
            "Weda",
            List.of(),
            null,
            "health software",
            "Intrusion into the practice-management software: 23,000 of 80,000 health "
                + "professionals cut off; professional accounts exposed, extraction not confirmed.",
            new IncidentDates(
                LocalDate.parse("2025-11-20"),
                OffsetDateTime.parse("2025-11-20T07:15:00+01:00"),
                LocalDate.parse("2025-11-21")),
            null,
            23_000L,
            false,
            new Circumstances("limited", "none", "temporary", true),
            List.of(
                new ContextAdjustment(
                    -1, "professional contact data largely public in the RPPS directory")),
            List.of(spec));
    return new IncidentPlan(
        manifest,
        List.of(
            new FilePlan(
                spec,
                columns,
                1.0,
                false,
                style,
                0,
                List.of(
                    TOO_FEW_FIELDS,
                    TOO_MANY_FIELDS,
                    UNBALANCED_QUOTE,
                    CONTROL_CHARACTER,
                    INVALID_ENCODING),
                150,
                null)),
        new SampleRecipe(400, 20_000, 0, 0.20, List.of(), 0, 1955, 1997));
  }

  private static FileSpec csv(
      String path,
      String delimiter,
      boolean header,
      List<Column> columns,
      String quote,
      String encoding,
      String compression) {
    return new FileSpec(
        path,
        "csv",
        delimiter,
        header,
        header ? null : columns.stream().map(Column::name).toList(),
        quote,
        encoding,
        compression,
        mapping(columns),
        categories(columns));
  }

  static Map<String, String> mapping(List<Column> columns) {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (Column c : columns) {
      if (c.field().canonical() != null) {
        mapping.put(c.name(), c.field().canonical().columnName());
      }
    }
    return mapping;
  }

  static Map<String, String> categories(List<Column> columns) {
    Map<String, String> categories = new LinkedHashMap<>();
    for (Column c : columns) {
      if (c.field().canonical() == null && c.field().category() != null) {
        categories.put(c.name(), c.field().category().name());
      }
    }
    return categories;
  }

  static List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (IncidentPlan p : plans()) {
      ids.add(p.id());
    }
    return ids;
  }
}
