package fr.breachimpact.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.apache.commons.validator.routines.CreditCardValidator;
import org.apache.commons.validator.routines.EmailValidator;
import org.apache.commons.validator.routines.IBANValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the generator calls valid is what the libraries the pipeline normalises with call valid
 * (libphonenumber, commons-validator), and its damaged values are invalid for them too: the ground
 * truth's category counts rely on it.
 */
class LibraryAgreementTest {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static Population population;

  @BeforeAll
  static void build() {
    population = Population.build(11, 3_000, Communes.load(), NamePools.build(11));
  }

  @Test
  void generatedPhonesAreValidFrenchNumbersInEveryNotation() throws NumberParseException {
    for (int i = 0; i < population.size(); i++) {
      Person p = population.person(i);
      for (String phone : new String[] {p.mobile(), p.landline()}) {
        if (phone == null) {
          continue;
        }
        PhoneNumber expected = PHONES.parse(phone, "FR");
        assertTrue(PHONES.isValidNumber(expected), "phone of " + p.personId());
        for (Noise.PhoneStyle style : Noise.PhoneStyle.values()) {
          PhoneNumber parsed = PHONES.parse(Noise.phone(phone, style), "FR");
          assertEquals(expected, parsed, style + " notation of " + p.personId());
        }
      }
      if (p.mobile() != null) {
        assertEquals(
            PhoneNumberUtil.PhoneNumberType.MOBILE,
            PHONES.getNumberType(PHONES.parse(p.mobile(), "FR")));
      }
    }
  }

  @Test
  void phonesStayValidAndDistinctBeyondTenMillionPersons() throws NumberParseException {
    java.util.Set<String> seen = new java.util.HashSet<>();
    String[] departments = {"75", "29", "59", "2A", "33", "971", "974"};
    for (int k = 0; k < 5; k++) {
      for (int i = 0; i < 2_000; i++) {
        int index = k * 10_000_000 + i * 4_999;
        String mobile = Population.mobile(index);
        assertTrue(PHONES.isValidNumber(PHONES.parse(mobile, "FR")), "mobile of index " + index);
        assertTrue(seen.add(mobile), "mobile of index " + index + " given twice");
        String landline = Population.landline(index, departments[i % departments.length]);
        assertTrue(PHONES.isValidNumber(PHONES.parse(landline, "FR")), "landline of key " + index);
        assertTrue(seen.add(landline), "landline of key " + index + " given twice");
      }
    }
  }

  @Test
  void otherNumbersAndEmailsAreValidAndOtherMobilesDistinct() throws NumberParseException {
    PersonVariants variants = new PersonVariants(11, Communes.load(), NamePools.build(11));
    EmailValidator emails = EmailValidator.getInstance();
    for (int i = 0; i < population.size(); i++) {
      PersonVariants.Alternates alt = variants.of(population.person(i));
      assertTrue(
          PHONES.isValidNumber(PHONES.parse(alt.phone(), "FR")), "other phone of person " + i);
      if (alt.email() != null) {
        assertTrue(emails.isValid(alt.email()), "other email of person " + i);
      }
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int k = 0; k < 20_000; k++) {
      int index = k * 449;
      String mobile = PersonVariants.otherMobile(index);
      assertEquals(
          PhoneNumberUtil.PhoneNumberType.MOBILE,
          PHONES.getNumberType(PHONES.parse(mobile, "FR")),
          "other mobile of index " + index);
      assertTrue(seen.add(mobile), "other mobile of index " + index + " given twice");
    }
  }

  @Test
  void damagedPhonesAreInvalid() throws NumberParseException {
    assertFalse(PHONES.isValidNumber(PHONES.parse("0000000000", "FR")));
    for (int i = 0; i < 200; i++) {
      String cut = population.person(i).phone().substring(0, 8);
      assertFalse(PHONES.isValidNumber(PHONES.parse(cut, "FR")), "cut phone of person " + i);
    }
  }

  @Test
  void emailsIbansAndCardsAreValidForCommonsValidator() {
    EmailValidator emails = EmailValidator.getInstance();
    IBANValidator ibans = IBANValidator.getInstance();
    CreditCardValidator cards =
        new CreditCardValidator(CreditCardValidator.VISA + CreditCardValidator.MASTERCARD);
    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    for (int i = 0; i < population.size(); i++) {
      Person p = population.person(i);
      if (p.email() != null) {
        assertTrue(emails.isValid(p.email()), "email of " + p.personId());
        assertTrue(
            emails.isValid(Noise.emailVariant(p.email(), r)), "email variant of " + p.personId());
        assertFalse(
            emails.isValid(p.email().replace("@", ".")), "damaged email of " + p.personId());
      }
      if (p.iban() != null) {
        assertTrue(ibans.isValid(p.iban()), "IBAN of " + p.personId());
      }
      if (p.cardNumber() != null) {
        assertTrue(cards.isValid(p.cardNumber()), "card of " + p.personId());
      }
      assertFalse(
          Checks.nirKeyMatches(Noise.brokenNir(p.nir(), r)), "damaged NIR of " + p.personId());
      assertTrue(
          Checks.nirKeyMatches(Noise.spacedNir(p.nir()).replace(" ", "")),
          "spaced NIR of " + p.personId());
    }
  }
}
