package fr.breachimpact.link;

import org.apache.spark.sql.Column;

/**
 * One blocking rule: leaked record and customer become a candidate pair when their keys are equal.
 * A null key blocks nothing.
 *
 * @param name written in logs and used to tell EM which fields the rule constrains
 * @param leftKey over the {@code l_} columns; an array of keys when {@code leftIsArray}
 * @param rightKey over the {@code r_} columns
 * @param leftIsArray the left key is an array, each element a key (brand-scoped keys)
 */
public record BlockingRule(String name, Column leftKey, Column rightKey, boolean leftIsArray) {}
