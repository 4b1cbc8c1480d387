package fr.breachimpact.sniff;

import fr.breachimpact.classify.Category;
import fr.breachimpact.ingest.CanonicalField;
import fr.breachimpact.normalize.TextFolding;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A column name (French or English, abbreviated or not) to the canonical field it usually holds.
 * Names are folded (accents, case, separators) before the lookup: "Date de naiss.",
 * "DATE_NAISSANCE" and "date-naissance" are one name.
 */
public final class NameMatcher {
  private static final Map<String, CanonicalField> EXACT = new HashMap<>();

  /** Words that name a field wherever they stand in the name, tried in this order. */
  private static final Map<String, CanonicalField> WORDS = new LinkedHashMap<>();

  /** Names of columns that are no canonical field but expose a category. */
  private static final Map<String, Category> CATEGORY_WORDS = new LinkedHashMap<>();

  static {
    exact(
        CanonicalField.FIRST_NAME,
        "prenom",
        "prenoms",
        "first name",
        "firstname",
        "given name",
        "givenname",
        "fname",
        "forename",
        "first");
    exact(
        CanonicalField.LAST_NAME,
        "nom",
        "last name",
        "lastname",
        "surname",
        "family name",
        "nom famille",
        "nom de famille",
        "nom naissance",
        "nom de naissance",
        "nom usage",
        "nom d usage",
        "lname",
        "patronyme");
    exact(
        CanonicalField.FULL_NAME,
        "nom complet",
        "full name",
        "fullname",
        "name",
        "nom prenom",
        "identite",
        "display name",
        "titulaire");
    exact(
        CanonicalField.BIRTH_DATE,
        "date naissance",
        "date naiss",
        "datenaissance",
        "datenaiss",
        "dt naiss",
        "date de naissance",
        "naissance",
        "ddn",
        "dob",
        "date of birth",
        "birth date",
        "birthdate",
        "birthday",
        "ne le");
    exact(
        CanonicalField.GENDER,
        "civilite",
        "civ",
        "sexe",
        "genre",
        "gender",
        "sex",
        "title",
        "titre");
    exact(
        CanonicalField.HOUSEHOLD,
        "composition foyer",
        "foyer",
        "household",
        "household size",
        "nb enfants",
        "situation familiale");
    exact(
        CanonicalField.EMAIL,
        "email",
        "e mail",
        "mail",
        "courriel",
        "adresse mail",
        "adresse email",
        "email address",
        "mel",
        "adresse electronique");
    exact(
        CanonicalField.PHONE,
        "tel",
        "telephone",
        "phone",
        "mobile",
        "portable",
        "phone number",
        "num tel",
        "gsm",
        "tel mobile",
        "telephone mobile",
        "tel portable",
        "cell",
        "tel fixe",
        "numero telephone");
    exact(
        CanonicalField.STREET,
        "adresse",
        "address",
        "rue",
        "street",
        "voie",
        "adresse 1",
        "adresse1",
        "address 1",
        "address1",
        "adresse 2",
        "adresse2",
        "address 2",
        "address2",
        "address line 1",
        "address line 2",
        "street number",
        "street address",
        "numero rue",
        "num voie",
        "complement adresse",
        "adresse postale");
    exact(
        CanonicalField.POSTCODE,
        "cp",
        "code postal",
        "codepostal",
        "postcode",
        "postal code",
        "zip",
        "zipcode",
        "zip code");
    exact(
        CanonicalField.CITY, "ville", "city", "commune", "localite", "town", "suburb", "locality");
    exact(CanonicalField.COUNTRY, "pays", "country");
    exact(
        CanonicalField.LOYALTY_ID,
        "loyalty card",
        "num carte",
        "numero carte",
        "carte fidelite",
        "numero carte fidelite",
        "loyalty id",
        "loyalty number",
        "no carte",
        "n carte",
        "card id");
    exact(
        CanonicalField.LOYALTY_BALANCE,
        "solde fidelite",
        "loyalty balance",
        "points",
        "solde points",
        "solde",
        "balance");
    exact(
        CanonicalField.PURCHASE_HISTORY,
        "historique achats",
        "purchase history",
        "achats",
        "purchases");
    exact(
        CanonicalField.PASSWORD,
        "password",
        "mot de passe",
        "mdp",
        "pwd",
        "pass",
        "passwd",
        "password hash",
        "hash");
    exact(CanonicalField.SECURITY_ANSWER, "security answer", "reponse secrete", "question secrete");
    exact(
        CanonicalField.NIR,
        "nir",
        "numero secu",
        "num secu",
        "numero securite sociale",
        "secu",
        "nss",
        "ssn",
        "insee");
    exact(
        CanonicalField.PASSPORT_NUMBER,
        "passport",
        "passeport",
        "numero passeport",
        "passport number");
    exact(CanonicalField.ID_CARD_NUMBER, "cni", "numero cni", "id card", "carte identite");
    exact(
        CanonicalField.FRANCE_TRAVAIL_ID,
        "identifiant ft",
        "id ft",
        "identifiant france travail",
        "id france travail",
        "identifiant pole emploi",
        "numero pole emploi",
        "id pe");
    exact(CanonicalField.IBAN, "iban", "rib");
    exact(
        CanonicalField.CARD_NUMBER,
        "card number",
        "numero carte bancaire",
        "carte bancaire",
        "cb",
        "pan",
        "credit card",
        "cc number");
    exact(CanonicalField.INCOME, "revenu", "revenus", "income", "salaire", "salary");
    exact(
        CanonicalField.HEALTH_INFO,
        "motif consultation",
        "motif",
        "pathologie",
        "diagnostic",
        "health info",
        "antecedents",
        "traitement");
    exact(
        CanonicalField.HEALTH_INSURANCE,
        "mutuelle",
        "health insurance",
        "assurance sante",
        "complementaire sante");
    exact(CanonicalField.PROFESSIONAL_ID, "rpps", "adeli", "numero rpps", "num rpps");
    exact(CanonicalField.GEOLOCATION, "gps", "geoloc", "geolocation", "coordonnees gps");
    exact(
        CanonicalField.ACCOUNT_ID,
        "account id",
        "id",
        "user id",
        "userid",
        "id client",
        "customer id",
        "client id",
        "rec id",
        "id compte",
        "uid",
        "numero client",
        "num client");
    exact(
        CanonicalField.RECORD_DATE,
        "date inscription",
        "created at",
        "date creation",
        "registration date",
        "signup date",
        "date maj",
        "updated at",
        "last login",
        "derniere connexion");
    // Words inside longer names ("tel_domicile", "email_pro", "date_naissance_enfant" stays birth
    // date).
    WORDS.put("prenom", CanonicalField.FIRST_NAME);
    WORDS.put("naissance", CanonicalField.BIRTH_DATE);
    WORDS.put("birth", CanonicalField.BIRTH_DATE);
    WORDS.put("email", CanonicalField.EMAIL);
    WORDS.put("mail", CanonicalField.EMAIL);
    WORDS.put("telephone", CanonicalField.PHONE);
    WORDS.put("tel", CanonicalField.PHONE);
    WORDS.put("phone", CanonicalField.PHONE);
    WORDS.put("postal", CanonicalField.POSTCODE);
    WORDS.put("zip", CanonicalField.POSTCODE);
    WORDS.put("ville", CanonicalField.CITY);
    WORDS.put("city", CanonicalField.CITY);
    WORDS.put("adresse", CanonicalField.STREET);
    WORDS.put("address", CanonicalField.STREET);
    WORDS.put("street", CanonicalField.STREET);
    WORDS.put("iban", CanonicalField.IBAN);
    WORDS.put("password", CanonicalField.PASSWORD);
    WORDS.put("nom", CanonicalField.LAST_NAME);
    WORDS.put("surname", CanonicalField.LAST_NAME);
    CATEGORY_WORDS.put("achat", Category.PURCHASE_HISTORY);
    CATEGORY_WORDS.put("purchase", Category.PURCHASE_HISTORY);
    CATEGORY_WORDS.put("commande", Category.PURCHASE_HISTORY);
    CATEGORY_WORDS.put("state", Category.POSTAL_ADDRESS);
    CATEGORY_WORDS.put("region", Category.POSTAL_ADDRESS);
    CATEGORY_WORDS.put("departement", Category.POSTAL_ADDRESS);
    CATEGORY_WORDS.put("soc sec", Category.GOVERNMENT_ID);
    CATEGORY_WORDS.put("social security", Category.GOVERNMENT_ID);
    CATEGORY_WORDS.put("secu", Category.GOVERNMENT_ID);
    CATEGORY_WORDS.put("ssn", Category.GOVERNMENT_ID);
    CATEGORY_WORDS.put("sante", Category.HEALTH);
    CATEGORY_WORDS.put("medical", Category.HEALTH);
  }

  private NameMatcher() {}

  private static void exact(CanonicalField field, String... names) {
    for (String n : names) {
      EXACT.put(n, field);
    }
  }

  /** Folded name: "Date_Naiss." -> "date naiss"; "column_3" stays a name of nothing. */
  static String fold(String column) {
    String f = TextFolding.fold(column.replace("#", " "));
    return f == null ? "" : f;
  }

  public static Optional<CanonicalField> field(String column) {
    String f = fold(column);
    CanonicalField exact = EXACT.get(f);
    if (exact == null) {
      exact = EXACT.get(f.replaceAll(" [0-9]+$", "")); // "email 2", "adresse#2"
    }
    if (exact != null) {
      return Optional.of(exact);
    }
    List<String> words = List.of(f.split(" "));
    for (Map.Entry<String, CanonicalField> w : WORDS.entrySet()) {
      if (words.contains(w.getKey())) {
        return Optional.of(w.getValue());
      }
    }
    return Optional.empty();
  }

  /** The category a name suggests for a column no canonical field takes. */
  public static Optional<Category> category(String column) {
    String f = " " + fold(column) + " ";
    for (Map.Entry<String, Category> w : CATEGORY_WORDS.entrySet()) {
      if (f.contains(" " + w.getKey())) {
        return Optional.of(w.getValue());
      }
    }
    return Optional.empty();
  }
}
