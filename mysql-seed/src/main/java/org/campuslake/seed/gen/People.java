package org.campuslake.seed.gen;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * French last names, phone numbers and company names from Datafaker; first names by gender from
 * {@link ReferenceData}. The Faker's Random is re-seeded per person from a keyed draw,
 * so a person's name depends on who they are, not on how many names were drawn before.
 */
final class People {
    private final Random random = new Random(0);
    private final Faker faker = new Faker(Locale.FRENCH, random);

    record Name(String first, String last) {}

    Name name(long key, String gender) {
        random.setSeed(key);
        String first = switch (gender) {
            case "F" -> pick(ReferenceData.FEMALE_FIRST_NAMES);
            case "M" -> pick(ReferenceData.MALE_FIRST_NAMES);
            default -> faker.name().firstName();
        };
        return new Name(first, faker.name().lastName());
    }

    private String pick(java.util.List<String> names) {
        return names.get(random.nextInt(names.size()));
    }

    String phone(long key) {
        random.setSeed(key);
        return faker.phoneNumber().cellPhone();
    }

    String companyName(long key) {
        random.setSeed(key);
        return faker.company().name();
    }

    String lastName(long key) {
        random.setSeed(key);
        return faker.name().lastName();
    }

    /** "Jean-Édouard" becomes "jean-edouard": e-mail addresses are ASCII. */
    static String ascii(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        n = n.replaceAll("[^a-z0-9]+", "-");
        return n.replaceAll("^-+|-+$", "");
    }
}
