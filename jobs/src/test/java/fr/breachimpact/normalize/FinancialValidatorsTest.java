package fr.breachimpact.normalize;

import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FinancialValidatorsTest {

  @ParameterizedTest(name = "iban case {index}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          FR7630006000011234567890189        | true
          FR76 3000 6000 0112 3456 7890 189  | true
          fr76 3000 6000 0112 3456 7890 189  | true
          FR76-3000-6000-0112-3456-7890-189  | true
          FR1420041010050500013M02606        | true
          DE89370400440532013000             | true
          GB82WEST12345698765432             | true
          FR7630006000011234567890188        | false
          FR763000600001123456789018         | false
          DE8937040044053201300              | false
          XX89370400440532013000             | false
          not an iban                        | false
          """)
  void ibanChecksCountryLengthAndMod97(String raw, boolean valid) {
    Expect.equal("iban", "valid", valid, IbanValidator.validate(raw));
  }

  @ParameterizedTest(name = "card case {index}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      textBlock =
          """
          4111 1111 1111 1111     | true  | VISA
          4111-1111-1111-1111     | true  | VISA
          5500 0000 0000 0004     | true  | MASTERCARD
          2221000000000009        | true  | MASTERCARD
          378282246310005         | true  | AMEX
          6011111111111117        | true  | DISCOVER
          3530111333300000        | true  | JCB
          4111111111111112        | false | VISA
          1234                    | false | NULL
          4111 1111 abcd 1111     | false | NULL
          """)
  void cardChecksLuhnAndIssuerRange(String raw, boolean valid, String issuer) {
    CardCheck c = CardNumberValidator.check(raw);
    Expect.equal("card", "valid", valid, c.valid());
    Expect.equal("card", "issuer", issuer, c.issuer());
  }

  @ParameterizedTest(name = "blank case {index}")
  @CsvSource(value = {"''", "'   '"})
  void blankIsAbsent(String raw) {
    assertNull(IbanValidator.validate(raw));
    assertNull(CardNumberValidator.check(raw));
  }
}
