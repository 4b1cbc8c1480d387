package fr.breachimpact.generate;

import java.util.List;

/**
 * How an incident's rows differ from the truth: the formats its source system used and the rates of
 * each kind of damage (probabilities per row or per field).
 *
 * @param datePatterns birth-date patterns, one drawn per row
 * @param phoneStyles phone notations, one drawn per row
 * @param genders the words for female and male, e.g. {@code Mme}, {@code M.}
 * @param upperLastName last names in capitals, as many French systems keep them
 * @param upperAll every name in capitals and without accents
 * @param foldAccents accents lost on a row
 * @param typo a typo in one of the names of a row
 * @param swap first and last name swapped on a row
 * @param missing a field left empty
 * @param lostZero the postcode lost its leading zero
 * @param impossibleDate 30 or 31 February
 * @param emailVariant email case or Gmail dots changed
 * @param invalid one of email, phone or NIR damaged beyond validity
 * @param placeholderPhone {@code 0000000000} instead of the phone
 */
record Style(
    List<String> datePatterns,
    List<Noise.PhoneStyle> phoneStyles,
    List<String> genders,
    boolean upperLastName,
    boolean upperAll,
    double foldAccents,
    double typo,
    double swap,
    double missing,
    double lostZero,
    double impossibleDate,
    double emailVariant,
    double invalid,
    double placeholderPhone) {}
