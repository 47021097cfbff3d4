package dev.floe.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the detector on the labelled corpus ({@link Corpus}), with floors. The
 * numbers are printed for {@code docs/security.md}:
 *
 * <pre>
 * ./mvnw -B -q -o -pl floe-core test -Dtest=CorpusTest
 * </pre>
 */
class CorpusTest {
  /** Recall must not drop below this: at most 1 in 20 real credentials missed. */
  static final double RECALL_FLOOR = 0.95;

  /** Precision must not drop below this: at most 1 in 20 reports a false alarm. */
  static final double PRECISION_FLOOR = 0.95;

  @Test
  void theCorpusIsLargeEnough() {
    assertThat(Corpus.positives()).hasSizeGreaterThanOrEqualTo(150);
    assertThat(Corpus.negatives()).hasSizeGreaterThanOrEqualTo(150);
  }

  @Test
  void everyRuleHasPositives() {
    Set<CredentialRule> covered = EnumSet.noneOf(CredentialRule.class);
    for (Corpus.Case c : Corpus.positives()) {
      covered.add(CredentialRule.byId(c.expected()).orElseThrow());
    }
    // plaintext-secret-field is schema-aware and applies to floe files only: RepositoryScannerTest.
    Set<CredentialRule> expected = EnumSet.allOf(CredentialRule.class);
    expected.remove(CredentialRule.PLAINTEXT_SECRET_FIELD);
    assertThat(covered).containsAll(expected);
  }

  @Test
  void precisionAndRecallMeetTheFloors() {
    int truePositives = 0;
    int wrongRule = 0;
    List<String> missed = new ArrayList<>();
    List<String> misnamed = new ArrayList<>();
    for (Corpus.Case c : Corpus.positives()) {
      List<Hit> hits = CredentialDetector.scan(c.text(), c.syntax()).hits();
      if (hits.isEmpty()) {
        missed.add(c.where());
      } else if (hits.stream().noneMatch(h -> h.rule().id().equals(c.expected()))) {
        wrongRule++;
        misnamed.add(c.where() + " found as " + hits.get(0).rule().id());
        truePositives++;
      } else {
        truePositives++;
      }
    }
    int falsePositives = 0;
    List<String> falseAlarms = new ArrayList<>();
    for (Corpus.Case c : Corpus.negatives()) {
      List<Hit> hits = CredentialDetector.scan(c.text(), c.syntax()).hits();
      if (!hits.isEmpty()) {
        falsePositives++;
        falseAlarms.add(c.where() + " reported as " + hits.get(0).rule().id());
      }
    }
    int positives = Corpus.positives().size();
    int negatives = Corpus.negatives().size();
    double recall = truePositives / (double) positives;
    double precision = truePositives / (double) Math.max(1, truePositives + falsePositives);
    System.out.printf(
        Locale.ROOT,
        "credential corpus (seed %d): %d positives, %d negatives; true positives %d, false"
            + " negatives %d, false positives %d, right rule %d/%d%n"
            + "precision %.3f, recall %.3f%n",
        Corpus.SEED,
        positives,
        negatives,
        truePositives,
        positives - truePositives,
        falsePositives,
        truePositives - wrongRule,
        positives,
        precision,
        recall);
    missed.forEach(m -> System.out.println("  missed: " + m));
    misnamed.forEach(m -> System.out.println("  other rule: " + m));
    falseAlarms.forEach(m -> System.out.println("  false alarm: " + m));

    assertThat(recall).as("recall; missed: %s", missed).isGreaterThanOrEqualTo(RECALL_FLOOR);
    assertThat(precision)
        .as("precision; false alarms: %s", falseAlarms)
        .isGreaterThanOrEqualTo(PRECISION_FLOOR);
    assertThat(misnamed).as("positives found by another rule than labelled").isEmpty();
  }
}
