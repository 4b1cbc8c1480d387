package fr.breachimpact.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import net.datafaker.Faker;

/**
 * Name and street pools, drawn from Datafaker once and then sampled many times with a seeded
 * generator (Datafaker per record would be far too slow at millions of records).
 *
 * <p>Surnames follow a Zipf-like law over a list that starts with the most frequent French surnames
 * in their real order, so that Martin, Bernard, Dubois... are frequent, as the linkage must cope
 * with them; the tail adds Datafaker's surnames of France and of the countries French families
 * often come from.
 */
public final class NamePools {
  /** The most frequent surnames of France (INSEE births 1891-1990), in order. */
  static final List<String> TOP_SURNAMES =
      List.of(
          "Martin",
          "Bernard",
          "Thomas",
          "Petit",
          "Robert",
          "Richard",
          "Durand",
          "Dubois",
          "Moreau",
          "Laurent",
          "Simon",
          "Michel",
          "Lefebvre",
          "Leroy",
          "Roux",
          "David",
          "Bertrand",
          "Morel",
          "Fournier",
          "Girard",
          "Bonnet",
          "Dupont",
          "Lambert",
          "Fontaine",
          "Rousseau",
          "Vincent",
          "Muller",
          "Lefèvre",
          "Faure",
          "André",
          "Mercier",
          "Blanc",
          "Guérin",
          "Boyer",
          "Garnier",
          "Chevalier",
          "François",
          "Legrand",
          "Gauthier",
          "Garcia",
          "Perrin",
          "Robin",
          "Clément",
          "Morin",
          "Nicolas",
          "Henry",
          "Roussel",
          "Mathieu",
          "Gautier",
          "Masson",
          "Marchand",
          "Duval",
          "Denis",
          "Dumont",
          "Marie",
          "Lemaire",
          "Noël",
          "Meyer",
          "Dufour",
          "Meunier",
          "Brun",
          "Blanchard",
          "Giraud",
          "Joly",
          "Rivière",
          "Lucas",
          "Brunet",
          "Gaillard",
          "Barbier",
          "Arnaud",
          "Martinez",
          "Gérard",
          "Roche",
          "Renard",
          "Schmitt",
          "Roy",
          "Leroux",
          "Colin",
          "Vidal",
          "Caron",
          "Picard",
          "Roger",
          "Fabre",
          "Aubert",
          "Lemoine",
          "Renaud",
          "Dumas",
          "Lacroix",
          "Olivier",
          "Philippe",
          "Bourgeois",
          "Pierre",
          "Benoît",
          "Rey",
          "Leclerc",
          "Payet",
          "Rolland",
          "Leclercq",
          "Guillaume",
          "Lecomte",
          "Lopez",
          "Jean",
          "Dupuy",
          "Guillot",
          "Hubert",
          "Berger",
          "Carpentier",
          "Sanchez",
          "Dupuis",
          "Moulin",
          "Louis",
          "Deschamps",
          "Huet",
          "Vasseur",
          "Perez",
          "Boucher",
          "Fleury",
          "Royer",
          "Klein",
          "Jacquet",
          "Adam",
          "Paris",
          "Poirier",
          "Marty",
          "Aubry",
          "Guyot",
          "Carré",
          "Charles",
          "Renault",
          "Charpentier",
          "Ménard",
          "Maillard",
          "Baron",
          "Bertin",
          "Bailly",
          "Hervé",
          "Schneider",
          "Fernandez",
          "Le Gall",
          "Collet",
          "Léger",
          "Bouvier",
          "Julien",
          "Prévost",
          "Millet",
          "Perrot",
          "Daniel",
          "Le Roux",
          "Cousin",
          "Germain",
          "Breton",
          "Besson",
          "Langlois",
          "Rémy",
          "Le Goff",
          "Pelletier",
          "Lévêque",
          "Perrier",
          "Leblanc",
          "Barré",
          "Lebrun",
          "Marchal",
          "Weber",
          "Mallet",
          "Hamon",
          "Boulanger",
          "Jacob",
          "Monnier",
          "Michaud",
          "Rodriguez",
          "Guichard",
          "Gillet",
          "Étienne",
          "Grondin",
          "Poulain",
          "Tessier",
          "Chevallier",
          "Collin",
          "Chauvin",
          "Da Silva",
          "Bouchet",
          "Gay",
          "Lemaître",
          "Bénard",
          "Maréchal",
          "Humbert",
          "Reynaud",
          "Antoine",
          "Hoarau",
          "Perret",
          "Barthélemy",
          "Cordier",
          "Pichon",
          "Lejeune",
          "Gilbert",
          "Lamy",
          "Delaunay",
          "Pasquier",
          "Carlier",
          "Laporte",
          "de La Fontaine",
          "Le Bihan",
          "Le Floch",
          "Dos Santos",
          "N'Diaye",
          "Saint-Martin",
          "de Villeneuve",
          "Le Corre",
          "Kerbrat",
          "Nguyen",
          "Benali",
          "Haddad",
          "Ferreira",
          "Rossi",
          "Kowalski",
          "Diallo");

  static final List<String> MALE_OLDER =
      List.of(
          "Jean",
          "Michel",
          "Philippe",
          "Alain",
          "Patrick",
          "Bernard",
          "Christian",
          "Daniel",
          "Jacques",
          "Pierre",
          "Gérard",
          "Claude",
          "Thierry",
          "Éric",
          "Pascal",
          "Dominique",
          "Jean-Pierre",
          "Jean-Claude",
          "Jean-Luc",
          "Jean-François",
          "Jean-Marc",
          "Jean-Louis",
          "Pierre-Yves",
          "François",
          "Didier",
          "Frédéric",
          "Laurent",
          "Christophe",
          "Stéphane",
          "Olivier",
          "Bruno",
          "Serge",
          "René",
          "Roger",
          "André",
          "Marcel",
          "Joël",
          "Gilles",
          "Hervé",
          "Yves",
          "Denis",
          "Luc",
          "Guy",
          "Régis",
          "Noël");
  static final List<String> MALE_YOUNGER =
      List.of(
          "Nicolas",
          "Julien",
          "Sébastien",
          "Thomas",
          "Alexandre",
          "Maxime",
          "Kevin",
          "Romain",
          "Antoine",
          "Guillaume",
          "Mathieu",
          "Anthony",
          "Jérôme",
          "Vincent",
          "Lucas",
          "Hugo",
          "Théo",
          "Nathan",
          "Enzo",
          "Louis",
          "Gabriel",
          "Raphaël",
          "Léo",
          "Arthur",
          "Jules",
          "Clément",
          "Quentin",
          "Baptiste",
          "Jean-Baptiste",
          "Mathéo",
          "Adrien",
          "Florian",
          "Benjamin",
          "Yanis",
          "Mohamed",
          "Rayan",
          "Noah",
          "Ethan",
          "Axel",
          "Valentin",
          "Paul",
          "Victor",
          "Loïc",
          "Gaël",
          "Mickaël");
  static final List<String> FEMALE_OLDER =
      List.of(
          "Marie",
          "Nathalie",
          "Isabelle",
          "Sylvie",
          "Catherine",
          "Françoise",
          "Martine",
          "Christine",
          "Monique",
          "Nicole",
          "Valérie",
          "Sandrine",
          "Véronique",
          "Brigitte",
          "Chantal",
          "Patricia",
          "Jacqueline",
          "Anne",
          "Dominique",
          "Corinne",
          "Marie-Hélène",
          "Marie-Claude",
          "Marie-Christine",
          "Marie-Thérèse",
          "Anne-Marie",
          "Marie-France",
          "Hélène",
          "Josiane",
          "Danielle",
          "Annie",
          "Évelyne",
          "Michèle",
          "Béatrice",
          "Pascale",
          "Florence",
          "Karine",
          "Laurence",
          "Agnès",
          "Colette",
          "Geneviève",
          "Odette",
          "Yvette",
          "Ghislaine",
          "Gisèle",
          "Mireille");
  static final List<String> FEMALE_YOUNGER =
      List.of(
          "Julie",
          "Aurélie",
          "Céline",
          "Émilie",
          "Stéphanie",
          "Laura",
          "Camille",
          "Léa",
          "Manon",
          "Chloé",
          "Emma",
          "Inès",
          "Sarah",
          "Clara",
          "Lucie",
          "Océane",
          "Marine",
          "Pauline",
          "Mélanie",
          "Élodie",
          "Audrey",
          "Caroline",
          "Anaïs",
          "Jade",
          "Louise",
          "Alice",
          "Lola",
          "Zoé",
          "Juliette",
          "Mathilde",
          "Charlotte",
          "Anne-Sophie",
          "Marie-Lou",
          "Maëlys",
          "Clémence",
          "Justine",
          "Margaux",
          "Noémie",
          "Elsa",
          "Lina",
          "Nour",
          "Yasmine",
          "Amandine",
          "Gaëlle",
          "Héloïse");

  private static final List<String> COMMON_STREETS =
      List.of(
          "Rue de la République",
          "Rue Victor Hugo",
          "Avenue Jean Jaurès",
          "Rue Pasteur",
          "Place de l'Église",
          "Rue du Général de Gaulle",
          "Rue des Écoles",
          "Chemin des Vignes",
          "Impasse des Lilas",
          "Rue Jules Ferry",
          "Grande Rue",
          "Rue de la Gare",
          "Rue du Moulin",
          "Allée des Tilleuls",
          "Rue Gambetta",
          "Boulevard Voltaire",
          "Rue Émile Zola",
          "Route de Paris",
          "Rue de l'Église",
          "Rue du Stade",
          "Avenue de la Libération",
          "Rue Jean Moulin",
          "Rue des Acacias",
          "Chemin du Lavoir",
          "Rue Anatole France",
          "Rue du Château",
          "Rue des Jardins",
          "Place du Marché",
          "Rue de Verdun",
          "Rue Louis Pasteur",
          "Rue Saint-Jacques",
          "Quai des Bateliers",
          "Rue des Tanneurs");

  private final String[] surnames;
  private final double[] surnameCumulative;
  private final String[][] firstNames; // F older, F younger, M older, M younger
  private final String[] streets;

  private NamePools(String[] surnames, String[][] firstNames, String[] streets) {
    this.surnames = surnames;
    this.firstNames = firstNames;
    this.streets = streets;
    this.surnameCumulative = new double[surnames.length];
    double sum = 0;
    for (int r = 0; r < surnames.length; r++) {
      // Zipf-like: w(r) = 1 / (r + 12)^0.95 gives Martin about 1.2 % and the top ten about 10 %.
      sum += 1.0 / Math.pow(r + 12, 0.95);
      surnameCumulative[r] = sum;
    }
    for (int r = 0; r < surnames.length; r++) {
      surnameCumulative[r] /= sum;
    }
  }

  /**
   * Builds the pools from the built-in lists and Datafaker's locale lists (fetched whole, once),
   * deterministically for a seed: the seed orders the tail of rarer surnames.
   */
  public static NamePools build(long seed) {
    Random random = new Random(seed);
    Faker french = new Faker(Locale.FRANCE, random);
    Set<String> surnames = new LinkedHashSet<>(TOP_SURNAMES);
    List<String> tail = new ArrayList<>();
    addAll(tail, list(french, "name.last_name"), Integer.MAX_VALUE);
    // Families from Italy, Spain, Portugal, Poland and Germany: the long tail of rarer names.
    String[] locales = {"it", "es", "pt", "pl", "de"};
    int[] caps = {100, 200, 30, 120, 250};
    for (int t = 0; t < locales.length; t++) {
      Faker other = new Faker(Locale.forLanguageTag(locales[t]), random);
      addAll(tail, list(other, "name.last_name"), caps[t]);
    }
    Collections.shuffle(tail, random);
    surnames.addAll(tail);
    Set<String> streets = new LinkedHashSet<>(COMMON_STREETS);
    for (String prefix : list(french, "address.street_prefix")) {
      for (String suffix : list(french, "address.street_suffix")) {
        streets.add(prefix.replace("Allée, Voie", "Voie") + " " + suffix);
      }
    }
    return new NamePools(
        surnames.toArray(new String[0]),
        new String[][] {
          FEMALE_OLDER.toArray(new String[0]), FEMALE_YOUNGER.toArray(new String[0]),
          MALE_OLDER.toArray(new String[0]), MALE_YOUNGER.toArray(new String[0])
        },
        streets.toArray(new String[0]));
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Faker faker, String key) {
    Object value = faker.fakeValuesService().fetchObject(key, faker.getContext());
    if (!(value instanceof List)) {
      throw new IllegalStateException("Datafaker has no list " + key);
    }
    List<String> out = new ArrayList<>();
    for (Object o : (List<Object>) value) {
      out.add(String.valueOf(o));
    }
    return out;
  }

  private static void addAll(List<String> tail, List<String> names, int cap) {
    int n = 0;
    for (String name : names) {
      if (n >= cap) {
        return;
      }
      if (NAME.matcher(name).matches()) {
        tail.add(capitalise(name));
        n++;
      }
    }
  }

  private static final java.util.regex.Pattern NAME =
      java.util.regex.Pattern.compile("[\\p{L}' -]{2,30}");

  /** "LE GALL" or "le gall" as Datafaker sometimes spells it becomes "Le Gall". */
  static String capitalise(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean start = true;
    for (char c : name.trim().toCharArray()) {
      out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
      start = c == ' ' || c == '-' || c == '\'';
    }
    return out.toString();
  }

  public String surname(RandomGenerator random) {
    int i = Arrays.binarySearch(surnameCumulative, random.nextDouble());
    return surnames[Math.min(i < 0 ? -i - 1 : i, surnames.length - 1)];
  }

  /** A first name of the sex ('F' or 'M') and of the era of the birth year. */
  public String firstName(RandomGenerator random, char sex, int birthYear) {
    boolean younger = birthYear >= 1975 + (random.nextInt(11) - 5); // fuzzy border between eras
    String[] pool = firstNames[(sex == 'M' ? 2 : 0) + (younger ? 1 : 0)];
    // Mild skew: the first names of each list are the most given.
    int i = (int) (pool.length * Math.pow(random.nextDouble(), 1.6));
    return pool[Math.min(i, pool.length - 1)];
  }

  public String street(RandomGenerator random) {
    return streets[random.nextInt(streets.length)];
  }

  public int surnameCount() {
    return surnames.length;
  }
}
