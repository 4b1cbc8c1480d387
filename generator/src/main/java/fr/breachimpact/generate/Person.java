package fr.breachimpact.generate;

import java.time.LocalDate;

/**
 * A generated person, with the true values the corrupted copies in leaks and customer files derive
 * from.
 *
 * @param index position in the population, 0-based
 * @param sex {@code F} or {@code M}
 * @param email null when the person has none
 * @param mobile ten digits {@code 06...} or {@code 07...}, null when the person has none
 * @param landline ten digits {@code 01...}-{@code 05...}, shared by the household, or null
 * @param iban null for minors and a few adults
 * @param cardNumber null when the person has no card on record
 * @param householdSize 1 for a person living alone
 */
public record Person(
    int index,
    String personId,
    char sex,
    String firstName,
    String lastName,
    LocalDate birthDate,
    String email,
    String mobile,
    String landline,
    String street,
    String postcode,
    String city,
    String inseeCode,
    String nir,
    String iban,
    String cardNumber,
    int householdSize) {

  /** The phone a form would get: the mobile, else the family landline. */
  public String phone() {
    return mobile != null ? mobile : landline;
  }

  public static String idOf(int index) {
    return "P" + Identifiers.pad(index + 1, 7);
  }
}
