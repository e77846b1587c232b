package org.spinworkbench.data.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Every question a task can ask, grouped by the fact behind it: one problem for the computed
 * tasks, one country (asked three ways) for capitals. The lists come in a fixed order; the
 * dataset shuffles them with its seed.
 */
final class QuestionBank {
    /** Three-letter words, distinct, so that reversing and sorting three of them is never trivial. */
    static final List<String> WORDS = List.of("ant", "bed", "box", "bus", "car", "cat", "cup", "dog", "egg", "fig",
            "fox", "gum", "hat", "ice", "ink", "jam", "key", "leg", "map", "owl", "pen", "pig", "rat", "sky", "sun",
            "toy", "van", "web", "yak", "zoo");

    /** Country and capital, ASCII only and short; no disputed or accented capitals. */
    static final List<Capital> CAPITALS = List.of(
            new Capital("France", "Paris"), new Capital("Germany", "Berlin"), new Capital("Italy", "Rome"),
            new Capital("Spain", "Madrid"), new Capital("Portugal", "Lisbon"), new Capital("Greece", "Athens"),
            new Capital("Poland", "Warsaw"), new Capital("Austria", "Vienna"), new Capital("Hungary", "Budapest"),
            new Capital("Sweden", "Stockholm"), new Capital("Norway", "Oslo"), new Capital("Finland", "Helsinki"),
            new Capital("Denmark", "Copenhagen"), new Capital("Ireland", "Dublin"), new Capital("Belgium", "Brussels"),
            new Capital("Netherlands", "Amsterdam"), new Capital("Russia", "Moscow"), new Capital("Ukraine", "Kyiv"),
            new Capital("Turkey", "Ankara"), new Capital("Egypt", "Cairo"), new Capital("Kenya", "Nairobi"),
            new Capital("Nigeria", "Abuja"), new Capital("Ghana", "Accra"), new Capital("Morocco", "Rabat"),
            new Capital("Japan", "Tokyo"), new Capital("China", "Beijing"), new Capital("India", "New Delhi"),
            new Capital("Thailand", "Bangkok"), new Capital("Vietnam", "Hanoi"), new Capital("Indonesia", "Jakarta"),
            new Capital("Iran", "Tehran"), new Capital("Iraq", "Baghdad"), new Capital("Canada", "Ottawa"),
            new Capital("Mexico", "Mexico City"), new Capital("Cuba", "Havana"), new Capital("Peru", "Lima"),
            new Capital("Chile", "Santiago"), new Capital("Argentina", "Buenos Aires"),
            new Capital("Australia", "Canberra"), new Capital("New Zealand", "Wellington"));

    /** The three ways a capital is asked; %s is the country. */
    static final List<String> CAPITAL_PHRASINGS = List.of(
            "Capital of %s?", "What is the capital of %s?", "Name the capital of %s.");

    /** Unit symbols only, so that "1 d" and "7 d" read alike and no plural is needed. */
    static final List<Conversion> CONVERSIONS = List.of(
            new Conversion("km", "m", 1000), new Conversion("m", "cm", 100), new Conversion("cm", "mm", 10),
            new Conversion("t", "kg", 1000), new Conversion("kg", "g", 1000), new Conversion("L", "mL", 1000),
            new Conversion("h", "min", 60), new Conversion("min", "s", 60), new Conversion("d", "h", 24));

    /** Amounts converted, in the larger unit; small enough that every answer stays short. */
    private static final int LARGEST_AMOUNT = 20;

    record Capital(String country, String city) {
    }

    /** {@code factor} of the small unit make one of the large. */
    record Conversion(String large, String small, int factor) {
    }

    private QuestionBank() {
    }

    /**
     * The task's questions, one inner list per fact. {@code random} only picks the order in which
     * a sort question shows its words, so the bank is the same for the same seed.
     */
    static List<List<DemoQuestion>> questions(DemoTask task, Random random) {
        return switch (task) {
            case ADD -> additions();
            case REVERSE -> reversals();
            case SORT -> sorts(random);
            case CONVERT -> conversions();
            case CAPITAL -> capitals();
        };
    }

    private static List<List<DemoQuestion>> additions() {
        List<List<DemoQuestion>> facts = new ArrayList<>();
        for (int a = 10; a <= 99; a++) {
            for (int b = 10; b <= 99; b++) {
                facts.add(List.of(new DemoQuestion(DemoTask.ADD, "What is " + a + "+" + b + "?",
                        Integer.toString(a + b))));
            }
        }
        return facts;
    }

    /** Every ordered triple of distinct words. */
    private static List<List<DemoQuestion>> reversals() {
        List<List<DemoQuestion>> facts = new ArrayList<>();
        for (String a : WORDS) {
            for (String b : WORDS) {
                for (String c : WORDS) {
                    if (!a.equals(b) && !b.equals(c) && !a.equals(c)) {
                        facts.add(List.of(new DemoQuestion(DemoTask.REVERSE, "Reverse: " + a + " " + b + " " + c,
                                c + " " + b + " " + a)));
                    }
                }
            }
        }
        return facts;
    }

    /** Every set of three words, once, shown in an order that is not already sorted. */
    private static List<List<DemoQuestion>> sorts(Random random) {
        List<List<DemoQuestion>> facts = new ArrayList<>();
        for (int i = 0; i < WORDS.size(); i++) {
            for (int j = i + 1; j < WORDS.size(); j++) {
                for (int k = j + 1; k < WORDS.size(); k++) {
                    String[] sorted = {WORDS.get(i), WORDS.get(j), WORDS.get(k)};
                    String[] shown = unsortedOrder(sorted, random);
                    facts.add(List.of(new DemoQuestion(DemoTask.SORT, "Sort: " + String.join(" ", shown),
                            String.join(" ", sorted))));
                }
            }
        }
        return facts;
    }

    /** One of the five orders of {@code sorted} (distinct words, ascending) other than itself. */
    private static String[] unsortedOrder(String[] sorted, Random random) {
        int[][] orders = {{0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        int[] order = orders[random.nextInt(orders.length)];
        return new String[] {sorted[order[0]], sorted[order[1]], sorted[order[2]]};
    }

    /** Both ways: "5 km in m?" → "5000" and "5000 m in km?" → "5". */
    private static List<List<DemoQuestion>> conversions() {
        List<List<DemoQuestion>> facts = new ArrayList<>();
        for (Conversion conversion : CONVERSIONS) {
            String large = conversion.large();
            String small = conversion.small();
            for (int amount = 1; amount <= LARGEST_AMOUNT; amount++) {
                int inSmall = amount * conversion.factor();
                facts.add(List.of(new DemoQuestion(DemoTask.CONVERT, amount + " " + large + " in " + small + "?",
                        Integer.toString(inSmall))));
                facts.add(List.of(new DemoQuestion(DemoTask.CONVERT, inSmall + " " + small + " in " + large + "?",
                        Integer.toString(amount))));
            }
        }
        return facts;
    }

    private static List<List<DemoQuestion>> capitals() {
        List<List<DemoQuestion>> facts = new ArrayList<>();
        for (Capital capital : CAPITALS) {
            facts.add(CAPITAL_PHRASINGS.stream()
                    .map(phrasing -> new DemoQuestion(DemoTask.CAPITAL,
                            String.format(Locale.ROOT, phrasing, capital.country()), capital.city()))
                    .toList());
        }
        return facts;
    }
}
